"""ABlog's ``post`` and ``update`` directives (reST, MyST, notebooks' raw reST cells).

``.. post:: Nov 23, 2022`` with ABlog's options makes its document a post: the directive
keeps its options for :mod:`..env.ablog_posts`, which makes the ``Post`` record, and leaves
a :class:`~..env.nodes.post_excerpt` node holding its content (the explicit excerpt, shown
where it stands unless ``:exclude:``). ``.. update:: DATE`` is a note titled "Updated on
<date>", as ABlog shows it; its date becomes the post's date of last update.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from ..diagnostics import report_at
from ..env.nodes import post_excerpt
from ..env.records import ABLOG_POSTS_KEY, ABLOG_UPDATES_KEY
from ..i18n.translate import _
from ..readers.ablog import parse_ablog_date
from ..readers.ablog_post import LIST_OPTIONS

if TYPE_CHECKING:
    from sphinx.application import Sphinx


class PostDirective(SphinxDirective):
    """``.. post:: [DATE]``: ABlog's post, with ABlog's options."""

    has_content = True
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec: ClassVar[dict[str, Any]] = {
        **dict.fromkeys(LIST_OPTIONS, directives.unchanged),
        "title": directives.unchanged,
        "image": directives.nonnegative_int,
        "excerpt": directives.nonnegative_int,
        "exclude": directives.flag,
        "nocomments": directives.flag,
        "canonical_link": directives.unchanged,
        "external_link": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        values: dict[str, Any] = dict(self.options)
        values["date"] = self.arguments[0] if self.arguments else ""
        entries: list[dict[str, Any]] = self.env.temp_data.setdefault(ABLOG_POSTS_KEY, [])  # type: ignore[assignment]
        entries.append({"values": values, "line": self.lineno})
        node = post_excerpt(hidden="exclude" in self.options, order=len(entries))
        self.set_source_info(node)
        if self.content:
            self.state.nested_parse(self.content, self.content_offset, node)
        return [node]


class UpdateDirective(SphinxDirective):
    """``.. update:: DATE``: a note "Updated on <date>" (ABlog's ``update``)."""

    has_content = True
    required_arguments = 1
    final_argument_whitespace = True
    option_spec: ClassVar[dict[str, Any]] = {}

    def run(self) -> list[nodes.Node]:
        self.assert_has_content()
        written = self.arguments[0].strip()
        date_format = self.config.post_date_format
        parsed = parse_ablog_date(written, (date_format,))
        if parsed is None:
            shown = written
            report_at(
                "date",
                f"update date {written!r} is not a date; write it like the post's date "
                "('Nov 23, 2022' or 2022-11-23)",
                self.get_location(),
            )
        else:
            moment: datetime = parsed[0]
            shown = moment.strftime(date_format)
            updates: list[datetime] = self.env.temp_data.setdefault(ABLOG_UPDATES_KEY, [])  # type: ignore[assignment]
            updates.append(moment)
        title = _("Updated on {date}").format(date=shown)
        node = nodes.admonition("", classes=["note", "update"])
        self.set_source_info(node)
        node += nodes.title(title, title)
        self.state.nested_parse(self.content, self.content_offset, node)
        return [node]


def setup_ablog_directives(app: Sphinx) -> None:
    """Register ABlog's ``post`` and ``update`` directives."""
    app.add_directive("post", PostDirective)
    app.add_directive("update", UpdateDirective)

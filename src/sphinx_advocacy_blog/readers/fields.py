"""Front-matter values read into the fields of a :class:`~..model.post.Post`: pure.

:class:`FieldReader` turns one post's values (authors in every form Docusaurus and ABlog
accept, tags, dates, series order, table-of-contents levels) into records, collecting a
problem (file, line, what to do) for each value it cannot use; a bad value never raises.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from ..model.post import Author, Tag
from ..model.problem import Problem
from ..util.slugs import clean_url_path, slugify
from ..util.urls import safe_url
from .ablog import parse_ablog_date
from .datafiles import author_from_mapping, tag_from_label
from .values import as_text, as_text_list

#: Tags kept per post: each is a page listing the post, and each listing shows its tags.
MAX_TAGS_PER_POST = 50


def toc_levels(metadata: Mapping[str, Any], reader: FieldReader) -> int:
    """``toc_max_heading_level`` (2 to 6; 0 when not set). ``toc_min_heading_level``
    above 2 is reported: tables of contents start at the post's sections."""
    levels = {}
    for key in ("toc_min_heading_level", "toc_max_heading_level"):
        value = metadata.get(key)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int) or not 2 <= value <= 6:
            reader.warn("frontmatter", key, f"{key} must be a whole number from 2 to 6")
            continue
        levels[key] = value
    if levels.get("toc_min_heading_level", 2) > 2:
        reader.warn(
            "frontmatter",
            "toc_min_heading_level",
            "toc_min_heading_level is not supported: the table of contents starts at the "
            "post's level-2 headings (toc_max_heading_level is)",
        )
    return levels.get("toc_max_heading_level", 0)


class FieldReader:
    """Collects problems while turning front-matter values into Post fields."""

    def __init__(self, path: str, key_lines: dict[str, int]) -> None:
        self.path = path
        self.key_lines = key_lines
        self.problems: list[Problem] = []

    def warn(self, subtype: str, key: str | None, message: str) -> None:
        line = self.key_lines.get(key) if key else None
        self.problems.append(Problem(subtype, message, self.path, line or 1))

    def url(self, key: str, value: str, *, image: bool = False) -> str:
        url = safe_url(value, allow_data_image=image)
        if url is None:
            self.warn(
                "url",
                key,
                f"{key} {value!r} is not an http(s), mailto or relative URL; it was left out",
            )
            return ""
        return url

    def authors(self, metadata: Mapping[str, Any], *, ablog: bool = False) -> tuple[Author, ...]:
        found: list[Author] = []
        raw = metadata.get("authors")
        items = raw if isinstance(raw, list) else ([] if raw is None else [raw])
        for item in items:
            if isinstance(item, Mapping) and as_text(item.get("key")) and not ablog:
                found.append(self.keyed_author(item))
            elif isinstance(item, Mapping):
                name = as_text(item.get("name"))
                key = as_text(item.get("key")) or slugify(name) or "author"
                author, problems = author_from_mapping(
                    key, item, path=self.path, line=self.key_lines.get("authors"), inline=True
                )
                self.problems.extend(problems)
                if not name:
                    self.warn("author", "authors", "an inline author needs a 'name'")
                    continue
                found.append(author)
            elif isinstance(item, (str, int, float)) and not isinstance(item, bool):
                key = as_text(item)
                if isinstance(item, (int, float)):
                    self.warn(
                        "author",
                        "authors",
                        f"author {item!r} is a number; quote it if it is an authors.yml key",
                    )
                if key:
                    found.append(Author(key=key, name=key))
            else:
                self.warn(
                    "author",
                    "authors",
                    "each author must be a key from authors.yml or a mapping with 'name'",
                )
        legacy_name = as_text(metadata.get("author"))
        if legacy_name:
            # Docusaurus 1's fields, in snake or camel case.
            def legacy(*keys: str) -> tuple[str, str]:
                key = next((k for k in keys if metadata.get(k)), keys[0])
                return key, as_text(metadata.get(key))

            image_key, image = legacy(
                "author_image_url", "authorImageURL", "author_imageURL", "authorImageUrl"
            )
            url_key, url = legacy("author_url", "authorURL", "authorUrl")
            twitter = as_text(metadata.get("authorTwitter")).lstrip("@")
            if not url and re.fullmatch(r"\w{1,15}", twitter):
                url_key, url = "authorTwitter", f"https://x.com/{twitter}"
            found.append(
                Author(
                    key=slugify(legacy_name) or "author",
                    name=legacy_name,
                    title=legacy("author_title", "authorTitle")[1],
                    url=self.url(url_key, url) if url else "",
                    image_url=self.url(image_key, image, image=True) if image else "",
                    inline=True,
                )
            )
        return tuple(found)

    def keyed_author(self, item: Mapping[str, Any]) -> Author:
        """``{key: x, title: ...}``: the ``authors.yml`` author *x*, with these fields."""
        key = as_text(item.get("key"))
        overrides: dict[str, str] = {}
        for field_name, names in (
            ("name", ("name",)),
            ("title", ("title",)),
            ("email", ("email",)),
            ("description", ("description",)),
            ("url", ("url",)),
            ("image_url", ("image_url", "imageURL")),
        ):
            raw = next((as_text(item.get(n)) for n in names if item.get(n)), "")
            if raw and field_name in ("url", "image_url"):
                raw = self.url(f"authors.{field_name}", raw, image=field_name == "image_url")
            if raw:
                overrides[field_name] = raw
        return Author(key=key, name=key, overrides=tuple(sorted(overrides.items())))

    def tags(self, metadata: Mapping[str, Any]) -> tuple[Tag, ...]:
        raw = metadata.get("tags")
        if raw is None:
            return ()
        if isinstance(raw, str):
            self.warn(
                "tags",
                "tags",
                "tags should be a list such as [Oirats, Kalmyks]; the text was split at commas",
            )
        items = raw if isinstance(raw, list) else as_text_list(raw)
        tags: list[Tag] = []
        seen: set[str] = set()
        for item in items:
            if isinstance(item, Mapping):
                label = as_text(item.get("label"))
                if not label:
                    self.warn("tags", "tags", "an inline tag object needs a 'label'")
                    continue
                permalink = clean_url_path(as_text(item.get("permalink")))
                tag = Tag(
                    key=label,
                    label=label,
                    permalink=permalink or slugify(label) or "tag",
                    description=as_text(item.get("description")),
                )
            else:
                label = as_text(item)
                if not label:
                    continue
                tag = tag_from_label(label)
            if tag.key not in seen:
                seen.add(tag.key)
                tags.append(tag)
        if len(tags) > MAX_TAGS_PER_POST:
            self.warn(
                "tags",
                "tags",
                f"this post has {len(tags)} tags; only the first {MAX_TAGS_PER_POST} are kept "
                "(each tag is a page of the site: choose the ones readers look for)",
            )
            tags = tags[:MAX_TAGS_PER_POST]
        return tuple(tags)

    def series_order(self, value: Any) -> float | None:
        if value is None or value == "":
            return None
        number = value
        if isinstance(value, str):
            try:
                number = float(value)
            except ValueError:
                number = None
        if (
            isinstance(number, (int, float))
            and not isinstance(number, bool)
            and math.isfinite(number)
        ):
            return float(number)
        self.warn(
            "frontmatter",
            "series_order",
            f"series_order {value!r} is not a number; write the part's number (1, 2, 3...). "
            "The part was placed by its date",
        )
        return None

    def published(
        self,
        metadata: Mapping[str, Any],
        path_date: datetime | None,
        fallback: Callable[[], datetime],
        date_formats: tuple[str, ...] = (),
    ) -> tuple[datetime, bool]:
        if "date" in metadata and metadata["date"] is not None:
            parsed = parse_ablog_date(metadata["date"], date_formats)
            if parsed is not None:
                return parsed
            self.warn(
                "date",
                "date",
                f"date {metadata['date']!r} is not a valid date; write it as YYYY-MM-DD or "
                "YYYY-MM-DDTHH:MM:SS+HH:MM. The "
                + ("date in the file name" if path_date else "file's date")
                + " was used instead",
            )
        if path_date is not None:
            return path_date, False
        return fallback(), False

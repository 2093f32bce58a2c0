"""Create a new post with its front matter: ``python -m sphinx_advocacy_blog new "Title"``.

For writers who are not programmers: the post gets a correctly named folder
(``blog/YYYY-MM-DD-<slug>/index.md``, dated today), so its date and URL come out right, and
a front matter block to fill in. An existing post is never overwritten.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date

import yaml

from ..util.slugs import slugify

BODY = """
Write the first paragraph here: the blog index shows everything above the line below.

<!-- truncate -->

The rest of the post. Put images in this folder and show them with
`![description](./image.jpg)` (without the backticks).
"""


def post_folder_name(title: str, day: date) -> str:
    """``2025-03-04-our-new-campaign``: the date and the title in kebab case.

    >>> post_folder_name("Our new campaign!", date(2025, 3, 4))
    '2025-03-04-our-new-campaign'
    """
    return f"{day.isoformat()}-{slugify(title) or 'post'}"


def front_matter(
    title: str, authors: Sequence[str] = (), tags: Sequence[str] = (), *, draft: bool = False
) -> str:
    """The post's front matter block, values quoted by the YAML serializer."""
    data: dict[str, object] = {"title": title}
    if authors:
        data["authors"] = list(authors)
    if tags:
        data["tags"] = list(tags)
    if draft:
        data["draft"] = True
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=None)
    hints = (
        "# description: One sentence for search results and link previews.\n# image: ./cover.jpg\n"
    )
    return f"---\n{body}{hints}---\n"


def create_post(
    blog_dir: str,
    title: str,
    *,
    day: date,
    authors: Sequence[str] = (),
    tags: Sequence[str] = (),
    draft: bool = False,
) -> str:
    """Write ``<blog_dir>/<date>-<slug>/index.md``; return its path.

    Raises :class:`FileExistsError` when the folder (or a ``.md`` post of the same name)
    already exists: nothing is ever overwritten.
    """
    folder = os.path.join(blog_dir, post_folder_name(title, day))
    for existing in (folder, folder + ".md", folder + ".mdx"):
        if os.path.exists(existing):
            raise FileExistsError(existing)
    os.makedirs(blog_dir, exist_ok=True)
    os.mkdir(folder)
    path = os.path.join(folder, "index.md")
    with open(path, "x", encoding="utf-8") as handle:
        handle.write(front_matter(title, authors, tags, draft=draft) + BODY)
    return path

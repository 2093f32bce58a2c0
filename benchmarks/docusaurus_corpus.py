"""Build real Docusaurus blogs with the extension and compare them with Docusaurus's own output.

The corpus is not part of the repository: give its folder on the command line. Each blog
folder holds ``site/`` (the blog as it is in its repository), ``blog-config.json`` (its
options) and ``reference.json`` (what Docusaurus 3 computes: permalinks, heading ids,
links, code blocks, JSX components)::

    python benchmarks/docusaurus_corpus.py /path/to/corpora/docusaurus [blog ...]
        [--work /tmp/docusaurus-corpus] [--json results.json] [--details]

For every blog and locale it builds the blog with ``sphinx-build -b html`` and counts:

* posts at their Docusaurus URL;
* heading anchors equal to Docusaurus's ids (the id is on the heading's section);
* body links whose href resolves to the URL Docusaurus renders;
* code-block titles shown as captions;
* pages showing MDX syntax (``<Tabs>``, ``{' '}``, ``import ... from``...) as text;
* posts using a JSX component that is neither rendered nor warned about ("silent").
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup, Tag

ORIGIN = "https://example.org"
#: Components the extension renders itself (no warning expected).
BUILT_IN = {
    "Tabs", "TabItem", "Details", "details", "summary", "Admonition", "CodeBlock", "Link",
    "Image", "IdealImage", "Tweet", "LiteYouTubeEmbed", "YouTube", "iframe", "img", "a", "<>",
}  # fmt: skip
#: Docusaurus syntax that must never reach a reader as text.
MDX_TEXT = re.compile(
    r"</?[A-Z][A-Za-z0-9.]*(?:\s[^<>]*)?/?>"  # a JSX tag
    r"|\{\s*['\"] ['\"]\s*\}"  # {' '}
    r"|^\s*(?:import|export)\s+\S.*(?:from\s+['\"]|=)"  # import/export lines
    r"|require\(['\"]|useBaseUrl\("
    r"|\{/\*|\*/\}"  # JSX comments
    r"|\\?\{#[\w.-]+\}\s*$"  # explicit heading ids
    r"|^:::[a-z]*",  # admonition fences
    re.MULTILINE,
)


IMAGE = re.compile(r"\.(?:png|jpe?g|gif|svg|webp|avif)(?:[?#].*)?$", re.IGNORECASE)


@dataclass
class Counts:
    posts: int = 0
    posts_ok: int = 0
    headings: int = 0
    headings_ok: int = 0
    links: int = 0
    links_ok: int = 0
    titles: int = 0
    titles_ok: int = 0
    mdx_pages: int = 0
    jsx_posts: int = 0
    jsx_silent: int = 0
    pages: int = 0
    pages_ok: int = 0
    details: list[str] = field(default_factory=list)

    def add(self, other: Counts) -> None:
        names = ("posts", "posts_ok", "headings", "headings_ok", "links", "links_ok")
        names += ("titles", "titles_ok", "mdx_pages", "jsx_posts", "jsx_silent")
        names += ("pages", "pages_ok")
        for name in names:
            setattr(self, name, getattr(self, name) + getattr(other, name))


def conf_py(config: dict, blog_path: str, locales: list[str], default: str) -> str:
    blog = config.get("blog", {})
    route = str(blog.get("routeBasePath", "blog")).strip("/")
    base = config.get("site", {}).get("baseUrl", "/")
    extensions = ["myst_parser", "sphinx_advocacy_blog"]
    lines = [
        'project = "corpus"',
        f"extensions = {extensions!r}",
        f'html_baseurl = "{ORIGIN}{base}"',
        'html_link_suffix = ""',
        f"blog_path = {blog_path!r}",
        f"blog_route_base_path = {route or '/'!r}",
        f"blog_default_locale = {default!r}",
        f"language = {default!r}",
        "blog_locales = " + repr({code: {} for code in locales}),
    ]
    for key, option in (
        ("tagsBasePath", "blog_tags_base_path"),
        ("authorsBasePath", "blog_authors_base_path"),
        ("archiveBasePath", "blog_archive_base_path"),
        ("pageBasePath", "blog_page_base_path"),
    ):
        if blog.get(key):
            lines.append(f"{option} = {str(blog[key])!r}")
    if blog.get("postsPerPage"):
        lines.append(f"blog_posts_per_page = {int(blog['postsPerPage'])}")
    if (config.get("site", {}).get("markdown") or {}).get("mermaid"):
        lines.append("# the site renders mermaid diagrams (sphinxcontrib-mermaid, if installed)")
    return "\n".join(lines) + "\n"


def prepare(blog_dir: Path, work: Path, reference: dict) -> tuple[Path, list[str], str]:
    config = json.loads((blog_dir / "blog-config.json").read_text())
    blog_path = str(config.get("blog", {}).get("path", "blog")).strip("/")
    src = work / "src"
    if src.exists():
        shutil.rmtree(src)
    src.mkdir(parents=True)
    shutil.copytree(blog_dir / "site" / blog_path, src / blog_path)
    if (blog_dir / "site" / "static").is_dir():
        shutil.copytree(blog_dir / "site" / "static", src / "static")
    locales = list(reference["locales"])
    default = config.get("site", {}).get("i18n", {}).get("defaultLocale") or locales[0]
    for locale in locales:
        translated = blog_dir / "site" / "i18n" / locale / "docusaurus-plugin-content-blog"
        if translated.is_dir():
            shutil.copytree(translated, src / "i18n" / locale / "docusaurus-plugin-content-blog")
    (src / "conf.py").write_text(conf_py(config, blog_path, locales, default))
    if not (src / "index.md").exists():
        (src / "index.md").write_text("# Corpus site\n")
    return src, locales, default


def build(src: Path, out: Path, locale: str, default: str) -> str:
    """Build one locale; returns the warnings."""
    target = out if locale == default else out / locale
    warnings = out.parent / f"warnings-{locale}.txt"
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-E"]
    command += ["-D", f"language={locale}", "-w", str(warnings), str(src), str(target)]
    subprocess.run(command, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return warnings.read_text(encoding="utf-8") if warnings.exists() else ""


def normalize(url: str) -> str:
    parts = urlsplit(url)
    path = unquote(parts.path)
    if path.endswith(".html"):
        path = path[: -len(".html")]
    if path.endswith("/index"):
        path = path[: -len("index")]
    path = path.rstrip("/") or "/"
    result = parts.netloc + path
    if parts.query:
        result += "?" + parts.query
    if parts.fragment:
        result += "#" + unquote(parts.fragment)
    return result


def page_file(out: Path, permalink: str, base: str) -> Path:
    """The output file of a page; the site's ``baseUrl`` is the output folder itself."""
    path = unquote(permalink)
    if path.startswith(base):
        path = path[len(base) :]
    path = path.strip("/")
    return out / (path + ".html") if path else out / "index.html"


def text_of(element: Tag) -> str:
    """The text of an element, with its images' alt text (as mdast's toString)."""
    parts = [element.get_text()]
    parts += [str(image.get("alt", "")) for image in element.find_all("img")]
    return " ".join(" ".join(parts).split())


def heading_ids(soup: BeautifulSoup) -> set[str]:
    """Ids that sit on a heading: a section (or its first spans), a rubric, an h1-h6."""
    ids: set[str] = set()
    for element in soup.find_all(id=True):
        name = element.name
        rubric = name == "p" and "rubric" in (element.get("class") or [])
        if rubric or name in ("section", "h1", "h2", "h3", "h4", "h5", "h6"):
            ids.add(element["id"])
        elif name == "span" and element.parent is not None:
            parent = element.parent
            if parent.name in ("section", "h1", "h2", "h3", "h4", "h5", "h6") or (
                parent.name == "p" and "rubric" in (parent.get("class") or [])
            ):
                ids.add(element["id"])
    return ids


def visible_text(article: Tag) -> str:
    clone = BeautifulSoup(str(article), "html.parser")
    # Code shows syntax on purpose; titles (of this post and of its neighbours in the
    # footer) are front-matter text, shown as written.
    for element in clone.find_all(["pre", "code", "script", "style", "kbd", "h1", "footer"]):
        element.decompose()
    text = clone.get_text("\n")
    attributes = []
    for element in clone.find_all(True):
        for name, value in element.attrs.items():
            values = value if isinstance(value, list) else [value]
            if name.lower() in ("classname", "class:name") or any(
                str(v).startswith("{") for v in values
            ):
                attributes.append(f"<{element.name} {name}>")
    return text + "\n" + "\n".join(attributes)


def compare_post(post: dict, out: Path, warnings: str, base: str) -> Counts:
    counts = Counts(posts=1)
    path = page_file(out, post["permalink"], base)
    source = post["source"]
    if not path.exists():
        counts.details.append(f"missing page {post['permalink']} ({source})")
        return counts
    counts.posts_ok = 1
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    article = soup.find(attrs={"role": "main"}) or soup.body or soup
    ids = heading_ids(article)
    for heading in post["headings"]:
        counts.headings += 1
        if heading["id"] in ids:
            counts.headings_ok += 1
        else:
            counts.details.append(f"heading {source}:{heading['line']} {heading['id']!r}")
    page_url = ORIGIN + unquote(post["permalink"])
    anchors = [(text_of(a), a.get("href", "")) for a in article.find_all("a", href=True)]
    resolved = [(text, normalize(urljoin(page_url, href))) for text, href in anchors]
    hrefs = {href for _, href in resolved}
    for link in post["links"]:
        if link["type"] == "definition" and IMAGE.search(link["original"]):
            continue  # the source of an image reference: not a link
        expected = normalize(urljoin(page_url, link["renderedHref"]))
        counts.links += 1
        text = " ".join(str(link.get("text") or "").split())
        if link["type"] == "link" and text:
            ok = any(t == text and h == expected for t, h in resolved)
        else:
            ok = expected in hrefs
        if ok:
            counts.links_ok += 1
        else:
            got = [h for t, h in resolved if t == text][:2]
            counts.details.append(
                f"link {source}:{link.get('line')} {link['original']!r} -> {expected} got {got}"
            )
    captions = Counter(
        text_of(caption.find(class_="caption-text") or caption)
        for caption in article.select(".code-block-caption")
    )
    for block in post["codeBlocks"]:
        if block.get("title"):
            counts.titles += 1
            if captions[block["title"]] > 0:
                captions[block["title"]] -= 1
                counts.titles_ok += 1
            else:
                counts.details.append(f"code title {source}:{block.get('line')} {block['title']!r}")
    shown = MDX_TEXT.findall(visible_text(article))
    if shown:
        counts.mdx_pages = 1
        counts.details.append(f"MDX shown in {source}: {sorted(set(shown))[:5]}")
    custom = [
        name
        for name in post["components"]
        if (name[:1].isupper() or name == "<>") and name not in BUILT_IN
    ]
    if custom:
        counts.jsx_posts = 1
        name = Path(source).as_posix()
        if not any(
            "[blog.mdx]" in line and name in line.replace(os.sep, "/")
            for line in warnings.splitlines()
        ):
            counts.jsx_silent = 1
            counts.details.append(f"JSX silent in {source}: {custom}")
    return counts


def expected_pages(locale: dict) -> list[tuple[str, bool]]:
    """Tag and author pages: (URL, whether Docusaurus writes it)."""
    pages = [(tag["permalink"], True) for tag in locale["tags"] if not tag.get("unlisted")]
    for author in locale["authors"]:
        if author.get("page"):
            pages.append((author["page"], True))
        elif re.fullmatch(r"[\w-]+", author["key"]):
            base = locale["authorsListUrl"].rstrip("/")
            pages.append((f"{base}/{author['key'].lower()}", False))
    return pages


def run_blog(blog_dir: Path, work: Path) -> dict[str, Counts]:
    reference = json.loads((blog_dir / "reference.json").read_text())
    src, locales, default = prepare(blog_dir, work, reference)
    out = work / "out"
    if out.exists():
        shutil.rmtree(out)
    results = {}
    site_base = str(reference["config"].get("baseUrl") or "/")
    for locale in locales:
        warnings = build(src, out, locale, default)
        counts = Counts()
        for post in reference["locales"][locale]["posts"]:
            if post.get("draft"):
                continue
            one = compare_post(post, out, warnings, site_base)
            counts.add(one)
            counts.details.extend(one.details)
        for url, exists in expected_pages(reference["locales"][locale]):
            counts.pages += 1
            if page_file(out, url, site_base).exists() == exists:
                counts.pages_ok += 1
            else:
                counts.details.append(f"{'missing' if exists else 'extra'} page {url}")
        counts.details.extend(
            f"warning: {line}" for line in warnings.splitlines() if "WARNING" in line
        )
        results[locale] = counts
    return results


def percent(ok: int, total: int) -> str:
    return f"{ok}/{total} ({100 * ok / total:.1f} %)" if total else "-"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("blogs", nargs="*")
    parser.add_argument("--work", type=Path, default=None)
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--details", action="store_true", help="print every mismatch")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="docusaurus-corpus-"))
    names = args.blogs or sorted(
        p.name for p in args.corpus.iterdir() if (p / "reference.json").exists()
    )
    total = Counts()
    rows = []
    report = {}
    for name in names:
        for locale, counts in run_blog(args.corpus / name, work / name).items():
            total.add(counts)
            rows.append((f"{name} ({locale})", counts))
            report[f"{name}/{locale}"] = counts.details
            if args.details:
                print(f"## {name} ({locale})")
                print("\n".join(counts.details))
    columns = ("blog", "posts at URL", "heading anchors", "body links", "code titles")
    print("| " + " | ".join((*columns, "MDX shown", "JSX silent", "tag/author pages")) + " |")
    print("|---|---|---|---|---|---|---|---|")
    for label, c in [*rows, ("**total**", total)]:
        print(
            f"| {label} | {percent(c.posts_ok, c.posts)} | {percent(c.headings_ok, c.headings)} "
            f"| {percent(c.links_ok, c.links)} | {percent(c.titles_ok, c.titles)} "
            f"| {c.mdx_pages} | {c.jsx_silent}/{c.jsx_posts} | {percent(c.pages_ok, c.pages)} |"
        )
    if args.json:
        args.json.write_text(json.dumps(report, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())

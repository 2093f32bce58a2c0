"""Social cards: a 1200x630 PNG for each post without its own image (``blog_social_cards``).

The card shows the post's title, the site's name, the date and the authors, in the
colours (and with the logo) of ``blog_social_card_style``; it is the post's ``og:image``,
``twitter:image`` and JSON-LD image. Text is drawn with the bundled subset of DejaVu Sans
Bold (Latin, Greek, Cyrillic, Armenian, Georgian; ``fonts/README.md``) unless the style
names another font, for all locales or per locale.

:func:`draw_card` is a pure function of the text and the style: the same input gives the
same bytes. Each card is kept in a cache beside the doctrees under the hash of everything
it is drawn from (:func:`card_key`), so a card is drawn once and only drawn again when its
title, date, authors or the style change; later builds copy it from the cache.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import posixpath
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from ..diagnostics import report
from ..i18n.translate import display_date
from ..model.post import Post
from ..model.problem import Problem
from ..model.site import BlogSite
from ..pages.links import absolute
from ..util.files import find_source_file, publish_cached, remove_output, write_atomically
from ..util.image_variants import configured_cache
from ..util.resources import CARD_FONT
from .tag_layers import ImageFacts

if TYPE_CHECKING:
    from PIL import ImageFont
    from sphinx.application import Sphinx

CARD_SIZE = (1200, 630)
#: Changes whenever the drawing changes, so that cached cards are drawn again.
CARD_VERSION = "1"
CACHE_DIR = "advocacy_blog_cards"
#: The folder of the published cards, below the blog's route.
CARDS_FOLDER = "_cards"
DEFAULT_STYLE = {"background": "#1b2a41", "text": "#ffffff", "accent": "#f5c518"}
_MARGIN = 80


@dataclass(frozen=True)
class CardText:
    """What a card says."""

    title: str
    site_name: str
    #: ``3 March 2025 · Maria Kovalenko, Oleh Bondar``.
    meta: str


@dataclass(frozen=True)
class CardStyle:
    """How a card looks: colours, the font file and an optional logo file."""

    background: str
    text: str
    accent: str
    font: str
    logo: str = ""


def card_name(route: str, docname: str) -> str:
    """The file name of the card of post *docname*: one flat folder of cards, so a blog
    with dated post folders does not make a folder per day for them (a new folder costs
    more than the copy). A nested post's name joins its parts with ``-`` and ends with a
    short hash of its path, so that no two posts share a card."""
    inside = docname[len(route) + 1 :] if docname.startswith(route + "/") else docname
    if "/" not in inside:
        return inside + ".png"
    digest = hashlib.sha256(inside.encode("utf-8")).hexdigest()[:8]
    return f"{inside.replace('/', '-')}-{digest}.png"


def card_path(route: str, docname: str) -> str:
    """Where the card of post *docname* is published, below the output root."""
    return posixpath.join(route, CARDS_FOLDER, card_name(route, docname))


def _font(path: str, size: int) -> ImageFont.FreeTypeFont:
    from PIL import ImageFont

    # The bundled font needs no shaping; the basic layout gives the same pixels with or
    # without libraqm. A site's own font (Arabic, Devanagari...) gets Pillow's best layout.
    layout = ImageFont.Layout.BASIC if path == CARD_FONT else None
    return ImageFont.truetype(path, size, layout_engine=layout)


def missing_characters(font_path: str, text: str) -> str:
    """The characters of *text* the font has no glyph for (drawn as boxes)."""
    from PIL import Image, ImageDraw

    font = _font(font_path, 24)

    def pixels(character: str) -> bytes:
        image = Image.new("L", (48, 48))
        ImageDraw.Draw(image).text((8, 8), character, font=font, fill=255)
        return image.tobytes()

    notdef = pixels("\uffff")  # a non-character: no font has it, it is drawn as a box
    missing = []
    for character in dict.fromkeys(text):
        if character.isspace() or not character.isprintable():
            continue
        if pixels(character) == notdef:
            missing.append(character)
    return "".join(missing)


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if font.getlength(candidate) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        # A word longer than the line is cut where it must be.
        while font.getlength(word) > width and len(word) > 1:
            cut = len(word)
            while cut > 1 and font.getlength(word[:cut]) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        current = word
    if current:
        lines.append(current)
    return lines


def _fit_title(title: str, font_path: str, width: int, height: int) -> tuple[Any, list[str]]:
    """The largest font size (76 down to 40 px) at which *title* fits the box, and its lines
    (cut with an ellipsis when even the smallest size does not fit)."""
    for size in range(76, 39, -4):
        font = _font(font_path, size)
        lines = _wrap(title, font, width)
        if len(lines) * round(size * 1.2) <= height:
            return font, lines
    most = max(1, height // round(size * 1.2))
    if len(lines) > most:
        lines = lines[:most]
        last = lines[-1]
        while last and font.getlength(last + "…") > width:
            last = last[:-1]
        lines[-1] = last.rstrip() + "…"
    return font, lines


def _blend(first: tuple[int, ...], second: tuple[int, ...], share: float) -> tuple[int, ...]:
    return tuple(round(a * share + b * (1 - share)) for a, b in zip(first, second, strict=True))


def draw_card(text: CardText, style: CardStyle) -> bytes:
    """The PNG of a card (RGB, 1200x630): the same text and style give the same bytes."""
    from PIL import Image, ImageColor, ImageDraw

    width = CARD_SIZE[0]
    background = ImageColor.getrgb(style.background)[:3]
    foreground = ImageColor.getrgb(style.text)[:3]
    accent = ImageColor.getrgb(style.accent)[:3]
    image = Image.new("RGB", CARD_SIZE, background)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, width, 14), fill=accent)
    right = width - _MARGIN
    if style.logo:
        with Image.open(style.logo) as opened:
            logo = opened.convert("RGBA")
        logo.thumbnail((140, 110))
        image.paste(logo, (right - logo.width, 56), logo)
        right -= logo.width + 30
    site_font = _font(style.font, 34)
    site_name = text.site_name
    while site_name and site_font.getlength(site_name) > right - _MARGIN:
        site_name = site_name[:-2] + "…"
    draw.text((_MARGIN, 70), site_name, font=site_font, fill=accent)
    title_font, lines = _fit_title(text.title, style.font, width - 2 * _MARGIN, 300)
    line_height = round(title_font.size * 1.2)
    top = 170 + (300 - line_height * len(lines)) // 2
    for index, line in enumerate(lines):
        draw.text((_MARGIN, top + index * line_height), line, font=title_font, fill=foreground)
    meta_font = _font(style.font, 30)
    meta = text.meta
    while meta and meta_font.getlength(meta) > width - 2 * _MARGIN:
        meta = meta[:-2] + "…"
    draw.text((_MARGIN, 520), meta, font=meta_font, fill=_blend(foreground, background, 0.75))
    buffer = io.BytesIO()
    image.save(buffer, "PNG", compress_level=9)
    return buffer.getvalue()


@lru_cache(maxsize=64)
def _file_digest(path: str, size: int, mtime: float) -> str:
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def file_digest(path: str) -> str:
    """SHA-256 of a file (read again only when its size or time changes)."""
    if not path:
        return ""
    stat = os.stat(path)
    return _file_digest(path, stat.st_size, stat.st_mtime)


def style_facts(style: CardStyle) -> dict[str, Any]:
    """What a card's cache name takes from the style and the drawing code: the same for
    every card of a build (the font and logo by their content)."""
    from PIL import __version__ as pillow_version

    return {
        "version": CARD_VERSION,
        "pillow": pillow_version,
        "style": {
            **asdict(style),
            "font": file_digest(style.font),
            "logo": file_digest(style.logo),
        },
    }


def card_key(text: CardText, facts: dict[str, Any]) -> str:
    """The hash of everything a card is drawn from (its cache name): its text and the
    :func:`style_facts` of the build."""
    data = {**facts, "text": asdict(text)}
    encoded = json.dumps(data, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(encoded).hexdigest()[:32]


# -- the cards of a build --------------------------------------------------------------------


def card_style(app: Sphinx, site: BlogSite) -> CardStyle:
    """``blog_social_card_style`` with its files found and its font chosen for the locale."""
    style = {**DEFAULT_STYLE, **site.settings.social_card_style}
    srcdir = str(app.srcdir)
    static_dirs = site.settings.static_dirs
    font = style.get("font") or ""
    if isinstance(font, dict):
        locale = site.locale.code if site.locale else (app.config.language or "en")
        font = font.get(locale) or font.get(app.config.language or "") or font.get("default", "")
    font_file = find_source_file(srcdir, static_dirs, str(font)) if font else None
    logo = str(style.get("logo") or "")
    logo_file = find_source_file(srcdir, static_dirs, logo) if logo else None
    return CardStyle(
        background=str(style["background"]),
        text=str(style["text"]),
        accent=str(style["accent"]),
        font=font_file or CARD_FONT,
        logo=logo_file or "",
    )


def card_text(app: Sphinx, site: BlogSite, post: Post, site_name: str) -> CardText:
    language = app.config.language or "en"
    date = display_date(post.published, language, site.settings.date_format)
    authors = ", ".join(author.name for author in site.post_authors(post))
    return CardText(
        title=" ".join(post.title.split()),
        site_name=site_name,
        meta=f"{date} · {authors}" if authors else date,
    )


_MADE: WeakKeyDictionary[Sphinx, dict[str, ImageFacts | None]] = WeakKeyDictionary()


@dataclass(frozen=True)
class _BuildCards:
    """What every card of a build shares: the style, its part of the cache name and the
    cache folder (found once, not for each of a thousand posts)."""

    style: CardStyle
    facts: dict[str, Any]
    cache: str


_SETUP: WeakKeyDictionary[Sphinx, _BuildCards] = WeakKeyDictionary()


def _build_cards(app: Sphinx, site: BlogSite) -> _BuildCards:
    setup = _SETUP.get(app)
    if setup is None:
        style = card_style(app, site)
        setup = _SETUP[app] = _BuildCards(style, style_facts(style), card_cache(app))
    return setup


def post_card(app: Sphinx, site: BlogSite, post: Post, site_name: str) -> ImageFacts | None:
    """The social card of *post*, made (or copied from the cache) into the output."""
    made = _MADE.setdefault(app, {})
    if post.docname in made:
        return made[post.docname]
    facts = None
    if site.settings.base_url and app.builder.format == "html":
        facts = _publish_card(app, site, post, site_name)
    made[post.docname] = facts
    return facts


def card_cache(app: Sphinx) -> str:
    """Where drawn cards are kept: in ``blog_image_cache`` when it is set (the folder a
    site's CI keeps between builds, as it keeps the resized images), else beside the
    doctrees."""
    configured = configured_cache(str(app.confdir), str(app.config.blog_image_cache or ""))
    return (
        os.path.join(configured, "cards") if configured else os.path.join(app.doctreedir, CACHE_DIR)
    )


def _publish_card(app: Sphinx, site: BlogSite, post: Post, site_name: str) -> ImageFacts:
    text = card_text(app, site, post, site_name)
    cards = _build_cards(app, site)
    style = cards.style
    cached = os.path.join(cards.cache, card_key(text, cards.facts) + ".png")
    if not os.path.isfile(cached):
        missing = missing_characters(style.font, text.title + text.site_name + text.meta)
        if missing:
            report(app, [_missing_problem(post, missing, app.config.language or "en")])
        os.makedirs(os.path.dirname(cached), exist_ok=True)
        write_atomically(cached, draw_card(text, style))
    path = card_path(site.settings.route, post.docname)
    publish_cached(cached, str(app.outdir), path)
    width, height = CARD_SIZE
    return ImageFacts(url=absolute(site.settings, path), width=width, height=height, alt=text.title)


def _missing_problem(post: Post, missing: str, language: str) -> Problem:
    return Problem(
        "social_card",
        f"the social card of this post cannot draw {missing!r} with its font (they would "
        f"show as boxes): name a font that has them in blog_social_card_style['font'], "
        f"for locale {language!r}",
        post.source_path,
        post.line_of("title") or 1,
    )


def prune_cards(app: Sphinx, site: BlogSite, posts: dict[str, Post]) -> None:
    """Delete the published cards no post of *posts* has any more (a post removed, given
    its own image, or cards switched off), as a clean build would not have them."""
    folder = os.path.join(str(app.outdir), site.settings.route, CARDS_FOLDER)
    if not os.path.isdir(folder):
        return
    wanted = set()
    if site.settings.social_cards and site.settings.base_url:
        route = site.settings.route
        wanted = {card_name(route, name) for name, post in posts.items() if not post.image}
    relative = posixpath.join(site.settings.route, CARDS_FOLDER)
    for entry in sorted(os.listdir(folder)):
        if entry not in wanted:
            remove_output(str(app.outdir), posixpath.join(relative, entry))

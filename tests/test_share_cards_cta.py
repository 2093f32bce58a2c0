"""Share links, social cards and calls to action (issue 22)."""

from __future__ import annotations

import errno
import hashlib
import io
import json
import os
import shutil
from urllib.parse import parse_qs, urlsplit

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageFont
from sphinx.errors import ConfigError

from conftest import build_site, copy_root
from sphinx_advocacy_blog.seo import cards

POST_URL = "https://freenations.example.org/blog/assembly.html"
TITLE = "The spring assembly"


@pytest.fixture
def site(privacy_site):
    return privacy_site


def _share_links(page):
    return {
        a["class"][1].removeprefix("blog-share-"): a["href"]
        for a in page.select("nav.blog-share a.blog-share-link")
    }


# -- share links ---------------------------------------------------------------------------


def test_share_links_carry_the_canonical_url_and_title(site):
    page = site.html("blog/assembly.html")
    links = _share_links(page)
    assert list(links) == [
        "x", "facebook", "telegram", "whatsapp", "bluesky", "mastodon", "linkedin", "vk",
        "email", "copy",
    ]  # fmt: skip
    canonical = page.find("link", rel="canonical")["href"]
    assert canonical == POST_URL

    def parsed(href):
        parts = urlsplit(href)
        return parts.scheme + "://" + (parts.netloc or "") + parts.path, parse_qs(parts.query)

    assert parsed(links["x"]) == ("https://x.com/intent/post", {"text": [TITLE], "url": [POST_URL]})
    assert parsed(links["facebook"]) == (
        "https://www.facebook.com/sharer/sharer.php",
        {"u": [POST_URL]},
    )
    assert parsed(links["telegram"]) == (
        "https://t.me/share/url",
        {"url": [POST_URL], "text": [TITLE]},
    )
    assert parsed(links["whatsapp"]) == ("https://wa.me/", {"text": [f"{TITLE} {POST_URL}"]})
    assert parsed(links["bluesky"]) == (
        "https://bsky.app/intent/compose",
        {"text": [f"{TITLE} {POST_URL}"]},
    )
    assert parsed(links["linkedin"]) == (
        "https://www.linkedin.com/sharing/share-offsite/",
        {"url": [POST_URL]},
    )
    assert parsed(links["vk"]) == (
        "https://vk.com/share.php",
        {"url": [POST_URL], "title": [TITLE]},
    )
    mail = urlsplit(links["email"])
    assert mail.scheme == "mailto"
    assert parse_qs(mail.query) == {"subject": [TITLE], "body": [f"{TITLE} {POST_URL}"]}
    # Spaces are %20, never "+" (mail clients show a "+" as it is).
    assert "+" not in links["email"]
    assert links["copy"] == POST_URL
    # Mastodon: a page of the site itself, which sends the text to the reader's server.
    mastodon = urlsplit(links["mastodon"])
    assert mastodon.path == "_share/mastodon.html"
    assert parse_qs(mastodon.query) == {"text": [f"{TITLE} {POST_URL}"]}
    form = site.html("blog/_share/mastodon.html").select_one("form.blog-mastodon-share")
    assert form.find("input", attrs={"name": "server"}) is not None
    assert form.find("textarea", attrs={"name": "text"}) is not None


def test_share_links_load_nothing_and_use_inline_icons(site):
    page = site.html("blog/assembly.html")
    share = page.select_one("nav.blog-share")
    assert share.find(["img", "script", "iframe", "i"]) is None
    assert len(share.select("svg.blog-share-icon")) == 10
    external = [a for a in share.select("a") if a["href"].startswith("https://")]
    assert all(
        a["rel"] == ["noopener", "noreferrer"]
        for a in external
        if "blog-share-copy" not in a["class"]
    )
    copy = share.select_one(".blog-share-copy")
    # Shown by the script only (it copies; without JavaScript a plain link would be no use).
    assert copy.has_attr("hidden") and copy["data-url"] == POST_URL


def test_blog_share_sets_the_networks_and_their_order(tmp_path):
    srcdir = copy_root("privacy", tmp_path / "src")
    ordered = build_site(srcdir, freshenv=True, blog_share=["telegram", "email", "vk"])
    assert list(_share_links(ordered.html("blog/assembly.html"))) == ["telegram", "email", "vk"]
    assert not (ordered.outdir / "blog" / "_share" / "mastodon.html").exists()
    off = build_site(srcdir, freshenv=True, blog_share=[])
    assert off.html("blog/assembly.html").select_one("nav.blog-share") is None


def test_blog_share_rejects_unknown_networks(tmp_path):
    with pytest.raises(ConfigError, match="blog_share"):
        build_site(copy_root("privacy", tmp_path / "src"), blog_share=["myspace"])


def test_share_labels_are_translated(tmp_path):
    site = build_site(copy_root("privacy", tmp_path / "src"), freshenv=True, language="ru")
    share = site.html("blog/assembly.html").select_one("nav.blog-share")
    assert share["aria-label"] == "Поделиться"
    labels = {a.get_text(strip=True) for a in share.select("a")}
    assert {"Эл. почта", "Скопировать ссылку", "Telegram"} <= labels
    uk = build_site(copy_root("privacy", tmp_path / "uk"), freshenv=True, language="uk")
    share = uk.html("blog/assembly.html").select_one("nav.blog-share")
    assert share["aria-label"] == "Поділитися"
    facade = uk.html("blog/assembly.html").select_one(".blog-embed")
    assert facade.select_one(".blog-embed-action").get_text() == "Дивитися відео"


# -- social cards --------------------------------------------------------------------------


def _card_build(srcdir, **options):
    return build_site(srcdir, blog_social_cards=True, **options)


def test_cards_are_1200x630_pngs_used_as_og_twitter_and_json_ld_images(tmp_path):
    # blog_social_cards = True, through _card_build
    site = _card_build(copy_root("privacy", tmp_path / "src"), freshenv=True)
    page = site.html("blog/svoboda.html")
    url = "https://freenations.example.org/blog/_cards/svoboda.png"
    assert page.find("meta", property="og:image")["content"] == url
    assert page.find("meta", attrs={"name": "twitter:image"})["content"] == url
    assert page.find("meta", attrs={"name": "twitter:card"})["content"] == "summary_large_image"
    data = [json.loads(s.string) for s in page.find_all("script", type="application/ld+json")]
    posting = next(d for d in data if d.get("@type") == "BlogPosting")
    image = posting["image"]
    assert (image["url"], image["width"], image["height"]) == (url, 1200, 630)
    with Image.open(site.outdir / "blog" / "_cards" / "svoboda.png") as card:
        assert (card.format, card.size, card.mode) == ("PNG", (1200, 630), "RGB")
    # A post with its own image keeps it; no card is made for it.
    media = site.html("blog/media.html")
    assert "Cover.jpg" in media.find("meta", property="og:image")["content"]
    assert not (site.outdir / "blog" / "_cards" / "media.png").exists()


def test_cards_are_kept_in_the_image_cache_when_it_is_set(tmp_path, monkeypatch):
    srcdir = copy_root("privacy", tmp_path / "src")
    cache = tmp_path / "kept-by-ci"
    first = _card_build(srcdir, freshenv=True, blog_image_cache=str(cache))
    assert sorted(p.name for p in (cache / "cards").iterdir()) != []
    # A fresh build (new output and doctrees, as CI makes) draws no card again.
    drawn = []
    original = cards.draw_card
    monkeypatch.setattr(cards, "draw_card", lambda *a: drawn.append(a) or original(*a))
    shutil.rmtree(srcdir / "_build")
    again = _card_build(srcdir, freshenv=True, blog_image_cache=str(cache))
    assert drawn == []
    kept = {path.read_bytes() for path in (cache / "cards").iterdir()}
    assert (again.outdir / "blog" / "_cards" / "svoboda.png").read_bytes() in kept
    assert first.warnings == again.warnings


def test_cards_are_off_by_default(site):
    assert not (site.outdir / "blog" / "_cards").exists()
    page = site.html("blog/svoboda.html")
    assert page.find("meta", property="og:image") is None


def test_cards_are_identical_across_builds_and_drawn_once(tmp_path, monkeypatch):
    first = _card_build(copy_root("privacy", tmp_path / "one"), freshenv=True)
    second = _card_build(copy_root("privacy", tmp_path / "two"), freshenv=True)
    names = sorted(p.name for p in (first.outdir / "blog" / "_cards").iterdir())
    assert names == ["assembly.png", "embeds.png", "svoboda.png"]
    for name in names:
        one = (first.outdir / "blog" / "_cards" / name).read_bytes()
        two = (second.outdir / "blog" / "_cards" / name).read_bytes()
        assert hashlib.sha256(one).digest() == hashlib.sha256(two).digest(), name
    # Every page written again (output removed), the cache kept: no card is drawn.
    drawn = []
    original = cards.draw_card
    monkeypatch.setattr(cards, "draw_card", lambda *a: drawn.append(a) or original(*a))
    shutil.rmtree(second.outdir)
    again = _card_build(second.srcdir)
    assert drawn == []
    assert (again.outdir / "blog" / "_cards" / "svoboda.png").read_bytes() == one
    # A changed title draws that card (only that one) again.
    post = second.srcdir / "blog" / "2024-06-01-svoboda.md"
    post.write_text(post.read_text(encoding="utf-8").replace("вільні нації", "вільні люди"))
    changed = _card_build(second.srcdir)
    assert [call[0].title for call in drawn] == ["Свобода народам — вільні люди"]
    assert (changed.outdir / "blog" / "_cards" / "svoboda.png").read_bytes() != one


NESTED_POST = "---\ntitle: Town hall\nauthors: [aigul]\n---\n\nText.\n"


def test_cards_of_nested_posts_share_one_flat_folder(tmp_path):
    srcdir = copy_root("privacy", tmp_path / "src")
    (srcdir / "blog" / "campaigns").mkdir()
    (srcdir / "blog" / "campaigns" / "2024-07-01-town-hall.md").write_text(NESTED_POST)
    site = _card_build(srcdir, freshenv=True)
    [page] = [path for path in site.outdir.rglob("town-hall.html") if "_sources" not in path.parts]
    inside = page.relative_to(site.outdir / "blog").with_suffix("").as_posix()
    assert "/" in inside  # a post in a folder of its own (here, dated folders)
    digest = hashlib.sha256(inside.encode()).hexdigest()[:8]
    name = f"{inside.replace('/', '-')}-{digest}.png"
    soup = site.html(page.relative_to(site.outdir).as_posix())
    url = soup.find("meta", property="og:image")["content"]
    assert url == f"https://freenations.example.org/blog/_cards/{name}"
    folder = site.outdir / "blog" / "_cards"
    assert [path.name for path in folder.iterdir() if path.is_dir()] == []
    with Image.open(folder / name) as card:
        assert card.size == (1200, 630)


def test_cards_no_post_has_any_more_leave_the_output(tmp_path):
    srcdir = copy_root("privacy", tmp_path / "src")
    folder = srcdir / "_build" / "html" / "blog" / "_cards"
    _card_build(srcdir, freshenv=True)
    assert sorted(path.name for path in folder.iterdir()) == [
        "assembly.png",
        "embeds.png",
        "svoboda.png",
    ]
    (srcdir / "blog" / "2024-04-01-embeds.md").unlink()  # a post taken down
    _card_build(srcdir)
    assert sorted(path.name for path in folder.iterdir()) == ["assembly.png", "svoboda.png"]
    build_site(srcdir, blog_social_cards=False)  # cards switched off
    assert not folder.exists()


def test_published_cards_are_links_to_the_cache_not_copies(tmp_path):
    srcdir = copy_root("privacy", tmp_path / "src")
    cache = tmp_path / "kept-by-ci"
    site = _card_build(srcdir, freshenv=True, blog_image_cache=str(cache))
    published = site.outdir / "blog" / "_cards" / "svoboda.png"
    assert any(published.samefile(path) for path in (cache / "cards").iterdir())
    # A new title is a new cached file: the old card in the cache is left as it was.
    before = {path: path.read_bytes() for path in (cache / "cards").iterdir()}
    post = srcdir / "blog" / "2024-06-01-svoboda.md"
    post.write_text(post.read_text(encoding="utf-8").replace("вільні нації", "вільні люди"))
    _card_build(srcdir, blog_image_cache=str(cache))
    assert all(path.read_bytes() == data for path, data in before.items())
    assert published.read_bytes() not in before.values()


def test_cards_are_copied_where_the_cache_cannot_be_linked(tmp_path, monkeypatch):
    """Another file system (or one without hard links): the card is copied."""

    def no_links(source, target):
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(os, "link", no_links)
    srcdir = copy_root("privacy", tmp_path / "src")
    cache = tmp_path / "kept-by-ci"
    site = _card_build(srcdir, freshenv=True, blog_image_cache=str(cache))
    published = site.outdir / "blog" / "_cards" / "svoboda.png"
    cached = {path.read_bytes() for path in (cache / "cards").iterdir()}
    assert published.read_bytes() in cached
    assert not any(published.samefile(path) for path in (cache / "cards").iterdir())
    assert not list(published.parent.glob(".tmp-*"))


def test_a_cyrillic_title_is_drawn_with_its_letters_not_boxes():
    """The same text drawn by the card's font and by a font without Cyrillic differs where
    the letters are (boxes), and the card's font draws the letters it has."""
    title = "Свобода"
    style = cards.CardStyle("#000000", "#ffffff", "#ff0000", cards.CARD_FONT)
    text = cards.CardText(title=title, site_name="", meta="")
    card = Image.open(io.BytesIO(cards.draw_card(text, style))).convert("L")
    # The same word, drawn by Pillow's built-in font (Latin-1 only: boxes for Cyrillic).
    latin_only = ImageFont.load_default(size=76)
    assert cards.missing_characters(cards.CARD_FONT, title) == ""

    def drawn(font, word):
        image = Image.new("L", (900, 120))
        ImageDraw.Draw(image).text((0, 0), word, font=font, fill=255)
        return image

    boxes = drawn(latin_only, title)
    own = drawn(ImageFont.truetype(cards.CARD_FONT, 76), title)
    assert ImageChops.difference(boxes, own).getbbox() is not None
    # In the card, each letter has a different shape ("С", "в", "о"... are not one box).
    glyphs = {drawn(ImageFont.truetype(cards.CARD_FONT, 76), ch).tobytes() for ch in title}
    assert len(glyphs) == len(set(title))
    assert card.getbbox() is not None and card.size == (1200, 630)


def test_a_title_the_font_cannot_draw_is_a_warning(tmp_path):
    srcdir = copy_root("privacy", tmp_path / "src")
    (srcdir / "blog" / "2024-08-01-arabic.md").write_text(
        "---\ntitle: حرية الشعوب\n---\n\nText.\n", encoding="utf-8"
    )
    site = _card_build(srcdir, freshenv=True, show_warning_types=True)
    assert "2024-08-01-arabic.md:2" in site.warnings
    assert "blog_social_card_style['font']" in site.warnings
    assert "[blog.social_card]" in site.warnings


def test_card_style_colours_logo_and_font(tmp_path):
    srcdir = copy_root("privacy", tmp_path / "src")
    Image.new("RGB", (200, 100), (0, 200, 0)).save(srcdir / "logo.png")
    shutil.copy(cards.CARD_FONT, srcdir / "card-font.ttf")
    style = {"background": "#ffffff", "text": "#000000", "accent": "#ff0000", "logo": "logo.png"}
    site = _card_build(srcdir, freshenv=True, blog_social_card_style=style)
    with Image.open(site.outdir / "blog" / "_cards" / "svoboda.png") as card:
        rgb = card.convert("RGB")
        assert rgb.getpixel((5, 300)) == (255, 255, 255)  # background
        assert rgb.getpixel((600, 5)) == (255, 0, 0)  # the accent bar
        assert rgb.getpixel((1100, 100)) == (0, 200, 0)  # the logo, top right
    drawn_with = []
    original = cards.draw_card
    cards_font = {**style, "font": {"en": "card-font.ttf"}}
    import sphinx_advocacy_blog.seo.cards as module

    module.draw_card = lambda text, st: drawn_with.append(st.font) or original(text, st)
    try:
        shutil.rmtree(site.outdir.parent)
        _card_build(srcdir, freshenv=True, blog_social_card_style=cards_font)
    finally:
        module.draw_card = original
    assert drawn_with and all(path.endswith("card-font.ttf") for path in drawn_with)
    with pytest.raises(ConfigError, match="blog_social_card_style"):
        _card_build(srcdir, blog_social_card_style={"background": "not a colour"})


# -- calls to action -----------------------------------------------------------------------

CTA = [
    {
        "tags": ["petition"],
        "title": "Sign the petition",
        "text": "Tell them.",
        "button": "Sign",
        "url": "https://freenations.example.org/sign",
        "kind": "petition",
    },
    {
        "locales": ["ru"],
        "title": "Поддержите нас",
        "button": "Пожертвовать",
        "url": "https://freenations.example.org/ru/donate",
        "kind": "donation",
    },
    {
        "title": "Support our work",
        "text": "We depend on readers.",
        "button": "Donate",
        "url": "https://freenations.example.org/donate",
        "kind": "donation",
    },
]


def _footer_cta(page):
    return page.select_one("footer.blog-post-footer .blog-cta")


def test_blog_cta_by_tag_and_default(tmp_path):
    site = build_site(copy_root("privacy", tmp_path / "src"), freshenv=True, blog_cta=CTA)
    petition = _footer_cta(site.html("blog/svoboda.html"))
    assert petition.select_one(".blog-cta-title").get_text() == "Sign the petition"
    assert (
        petition.select_one("a.blog-cta-button")["href"] == "https://freenations.example.org/sign"
    )
    assert "blog-cta-petition" in petition["class"]
    other = _footer_cta(site.html("blog/assembly.html"))
    assert other.select_one(".blog-cta-title").get_text() == "Support our work"
    assert other.select_one(".blog-cta-text").get_text() == "We depend on readers."
    assert other.select_one("a.blog-cta-button").get_text() == "Donate"
    # Not in feeds: the footer is the page's frame.
    feed = (site.outdir / "blog" / "feed.json").read_text(encoding="utf-8")
    assert "We depend on readers" not in feed


def test_blog_cta_by_locale_and_a_single_dict(tmp_path):
    ru = build_site(
        copy_root("privacy", tmp_path / "src"), freshenv=True, blog_cta=CTA, language="ru"
    )
    assert (
        _footer_cta(ru.html("blog/assembly.html")).select_one(".blog-cta-title").get_text()
        == "Поддержите нас"
    )
    single = build_site(copy_root("privacy", tmp_path / "one"), freshenv=True, blog_cta=CTA[2])
    assert _footer_cta(single.html("blog/svoboda.html")) is not None


def test_front_matter_cta_false_turns_it_off(tmp_path):
    srcdir = copy_root("privacy", tmp_path / "src")
    post = srcdir / "blog" / "2024-03-01-assembly" / "index.md"
    post.write_text(
        post.read_text(encoding="utf-8").replace("tags: [rally]", "tags: [rally]\ncta: false")
    )
    site = build_site(srcdir, freshenv=True, blog_cta=CTA)
    assert _footer_cta(site.html("blog/assembly.html")) is None
    assert _footer_cta(site.html("blog/embeds.html")) is not None


def test_blog_cta_is_checked(tmp_path):
    with pytest.raises(ConfigError, match="blog_cta"):
        build_site(
            copy_root("privacy", tmp_path / "src"),
            blog_cta={"title": "x", "button": "y", "url": "javascript:alert(1)"},
        )


def test_cta_directive_as_a_card(site):
    card = site.html("blog/svoboda.html").select_one(".blog-cta.blog-cta-petition")
    assert card.select_one(".blog-cta-title").get_text() == "Подпишите петицию"
    assert (
        card.select_one(".blog-cta-text").get_text(strip=True)
        == "Требуйте освободить политических заключённых."
    )
    button = card.select_one("a.blog-cta-button")
    assert (button.get_text(), button["href"]) == (
        "Подписать",
        "https://freenations.example.org/petition",
    )


def test_cta_uses_sphinx_design_cards_when_loaded(tmp_path):
    srcdir = copy_root("privacy", tmp_path / "src")
    with open(srcdir / "conf.py", "a", encoding="utf-8") as conf:
        conf.write('\nextensions.append("sphinx_design")\n')
    site = build_site(srcdir, freshenv=True, blog_cta=CTA)
    page = site.html("blog/svoboda.html")
    for card in page.select(".blog-cta"):
        assert {"sd-card", "sd-shadow-sm"} <= set(card["class"])
        assert card.select_one(".sd-card-body .sd-card-title") is not None
        assert {"sd-btn", "sd-btn-primary"} <= set(card.select_one("a.blog-cta-button")["class"])
    assert len(page.select(".blog-cta")) == 2


def test_cta_directive_needs_a_button_and_a_safe_url(tmp_path):
    srcdir = copy_root("privacy", tmp_path / "src")
    (srcdir / "blog" / "2024-09-01-bad.md").write_text(
        "---\ntitle: Bad\n---\n\n```{cta} Give\n:button: Give\n:url: javascript:alert(1)\n```\n",
        encoding="utf-8",
    )
    site = build_site(srcdir, freshenv=True)
    assert "cta needs a :button: label and a :url:" in site.warnings
    assert "javascript:" not in site.html("blog/2024/09/01/bad.html").decode()

"""Translated blogs: Docusaurus's i18n/ layout, UI strings, dates, alternates, all locales."""

from __future__ import annotations

import subprocess
import sys

import pytest
from sphinx import locale as sphinx_locale

from conftest import build_site, copy_root, read_html
from sphinx_advocacy_blog.i18n.locales import alternates, site_locales
from sphinx_advocacy_blog.i18n.translate import MESSAGE_CATALOG, catalog_dir, reading_time_text
from sphinx_advocacy_blog.model.locale import LocaleInfo

TRANSLATED_RU = {
    "blog/welcome": "Добро пожаловать в наш новый блог",
    "blog/solidarity-letter": "Письмо солидарности",
    "blog/2021/03/8/founding-statement": "Наше учредительное заявление",
    "blog/2025/03/3/anniversary": "Четыре года «Свободных голосов»",
}


def h1(soup) -> str:
    return soup.find("h1").get_text(strip=True).rstrip("¶")


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    srcdir = copy_root("i18n", tmp_path_factory.mktemp("i18n") / "src")
    return {
        language: build_site(srcdir, builddir=srcdir / "_build" / language, language=language)
        for language in ("en", "ru", "ukr")
    }


def test_builds_without_warnings(sites):
    for site in sites.values():
        assert site.warnings.strip() == ""


def test_russian_posts_at_the_same_permalinks(sites):
    ru = sites["ru"]
    for permalink, title in TRANSLATED_RU.items():
        assert h1(ru.html(permalink + ".html")) == title
    assert "Дорогие коллеги, мы с вами." in ru.html("blog/solidarity-letter.html").get_text()


def test_untranslated_post_falls_back_to_english(sites):
    soup = sites["ru"].html("blog/2023/11/30/annual-report.html")
    assert h1(soup) == "Annual report 2023"
    # ... but the page around it is Russian.
    assert soup.select_one(".blog-post-header time").get_text() == "30 ноября 2023\u202fг."


def test_russian_dates_reading_time_ui_and_options_json(sites):
    ru = sites["ru"]
    index = ru.html("blog.html")
    assert h1(index) == "Блог «Свободные голоса»"
    assert index.select_one(".blog-list-item time").get_text() == "3 марта 2025\u202fг."
    assert index.select_one(".blog-reading-time").get_text() == "1 минута чтения"
    read_more = index.select_one(".blog-read-more")
    assert read_more.select_one('[aria-hidden="true"]').get_text() == "Читать дальше"
    assert read_more.select_one(".blog-visually-hidden").get_text().startswith("Читать дальше:")
    assert h1(ru.html("blog/tags.html")) == "Теги"
    assert h1(ru.html("blog/archive.html")) == "Архив"
    # Translated authors.yml replaces the source one.
    assert "Мария Коваленко" in ru.html("blog/welcome.html").select_one(".blog-authors").get_text()


def test_ukrainian_build_with_a_non_bcp47_folder_name(sites):
    ukr = sites["ukr"]
    welcome = ukr.html("blog/welcome.html")
    assert h1(welcome) == "Ласкаво просимо до нашого нового блогу"
    assert welcome.html["lang"] == "uk"
    assert welcome.select_one(".blog-post-header time").get_text() == "3 липня 2022\u202fр."
    assert "хвилина читання" in welcome.select_one(".blog-reading-time").get_text()
    # Only one post is translated; the others fall back to English.
    assert h1(ukr.html("blog/solidarity-letter.html")) == "A letter of solidarity"


def test_images_beside_a_translation_fall_back_to_the_source_folder(sites):
    ru = sites["ru"]
    page = ru.html("blog/2021/09/14/language-rights.html")
    image = page.find("img", alt="Класс с доской")
    assert (ru.outdir / "blog" / "2021" / "09" / "14" / image["src"]).resolve().exists()


def test_language_switcher_links_every_locale(sites):
    for code, site in sites.items():
        switcher = site.html("blog/welcome.html").select_one(".blog-language-switcher")
        links = {a["hreflang"]: a["href"] for a in switcher.select("a")}
        current = switcher.select_one(".blog-language-current")["lang"]
        assert current == {"en": "en", "ru": "ru", "ukr": "uk"}[code]
        assert set(links) | {current} == {"en", "ru", "uk"}


@pytest.mark.parametrize(
    ("language", "minutes", "text"),
    [
        ("ru", 1, "1 минута чтения"),
        ("ru", 2, "2 минуты чтения"),
        ("ru", 5, "5 минут чтения"),
        ("ru", 21, "21 минута чтения"),
        ("uk", 3, "3 хвилини читання"),
        ("uk", 11, "11 хвилин читання"),
    ],
)
def test_plural_forms(language, minutes, text):
    sphinx_locale.init([catalog_dir()], language, MESSAGE_CATALOG)
    try:
        assert reading_time_text(minutes) == text
    finally:
        sphinx_locale.translators.clear()


@pytest.mark.parametrize(
    ("language", "older", "read_more", "tags"),
    [
        # ABlog's languages (a German ABlog site showed "Recent posts", "Read more"...).
        ("de", "Älterer Beitrag", "Weiterlesen", "Schlagwörter"),
        ("fr", "Article plus ancien", "Lire la suite", "Étiquettes"),
        ("es", "Entrada anterior", "Leer más", "Etiquetas"),
    ],
)
def test_the_blogs_words_in_ablogs_languages(tmp_path, language, older, read_more, tags):
    srcdir = copy_root("seeds", tmp_path / "src")
    site = build_site(srcdir, freshenv=True, language=language)
    index = site.html("blog.html").get_text(" ")
    assert read_more in index
    pages = [
        site.html(p.relative_to(site.outdir).as_posix()) for p in site.outdir.glob("blog/*.html")
    ]
    assert any(older in page.get_text(" ") for page in pages)
    assert tags in site.html("blog/tags.html").find("h1").get_text()


def test_titles_the_extension_gives_are_translated(tmp_path):
    # ":::info" and "<details>" without a title: Docusaurus shows them in the site's
    # language; they were always English ("Info", "Details").
    (tmp_path / "blog").mkdir()
    (tmp_path / "conf.py").write_text('extensions = ["sphinx_advocacy_blog"]\n', encoding="utf-8")
    (tmp_path / "index.md").write_text("# Inicio\n", encoding="utf-8")
    (tmp_path / "blog" / "2024-01-01-x.mdx").write_text(
        "---\ntitle: X\n---\n\n:::info\n\nUn aviso.\n\n:::\n\n<details>\n\nMás.\n\n</details>\n",
        encoding="utf-8",
    )
    site = build_site(tmp_path, freshenv=True, language="es")
    body = site.html("blog/2024/01/01/x.html").select_one("div.body")
    assert body.select_one(".admonition .admonition-title").get_text(strip=True) == "Información"
    assert body.select_one("details summary").get_text(strip=True) == "Detalles"


def test_english_plural():
    assert reading_time_text(1) == "One min read"
    assert reading_time_text(4) == "4 min read"


def test_locales_from_i18n_folders_and_alternates(tmp_path):
    (tmp_path / "i18n" / "ru").mkdir(parents=True)
    (tmp_path / "i18n" / "ukr").mkdir(parents=True)
    (tmp_path / "i18n" / "hal").mkdir(parents=True)
    locales = site_locales(str(tmp_path), {}, "en")
    assert [(loc.code, loc.prefix, loc.html_lang) for loc in locales] == [
        ("en", "", "en"),
        ("hal", "hal", "hal"),
        ("ru", "ru", "ru"),
        ("ukr", "ukr", "uk"),
    ]
    assert locales[2].label == "Русский"
    found = alternates(locales, locales[2], "blog/welcome", "https://x.org")
    assert [a.url for a in found] == [
        "https://x.org/blog/welcome",
        "https://x.org/hal/blog/welcome",
        "https://x.org/ru/blog/welcome",
        "https://x.org/ukr/blog/welcome",
    ]
    assert found[0].relative_url == "../../blog/welcome"
    assert isinstance(found[0].locale, LocaleInfo)


def test_one_command_builds_every_locale(tmp_path):
    srcdir = copy_root("i18n", tmp_path / "src")
    outdir = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "sphinx_advocacy_blog", "build", str(srcdir), str(outdir), "-q"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert h1(read_html(outdir, "blog/welcome.html")) == "Welcome to our new blog"
    assert h1(read_html(outdir, "ru/blog/welcome.html")) == "Добро пожаловать в наш новый блог"
    assert (
        h1(read_html(outdir, "ukr/blog/welcome.html")) == "Ласкаво просимо до нашого нового блогу"
    )
    switcher = read_html(outdir, "ru/blog/welcome.html").select_one(".blog-language-switcher")
    english = switcher.find("a", hreflang="en")["href"]
    assert (outdir / "ru" / "blog" / (english + ".html")).resolve() == (
        outdir / "blog" / "welcome.html"
    ).resolve()


def test_every_post_links_its_alternates_in_all_locales_and_x_default(sites):
    from test_post_pages import POSTS

    base = "https://free-voices.example.org/"
    prefixes = {"en": "", "ru": "ru/", "uk": "ukr/"}
    for code, site in sites.items():
        for permalink in POSTS:
            head = site.html(permalink + ".html").head
            links = {
                link["hreflang"]: link["href"]
                for link in head.find_all("link", rel="alternate")
                if link.get("hreflang")
            }
            expected = {tag: f"{base}{prefix}{permalink}" for tag, prefix in prefixes.items()}
            expected["x-default"] = f"{base}{permalink}"
            assert links == expected, (code, permalink)
            own = {"en": "", "ru": "ru/", "ukr": "ukr/"}[code]
            assert head.find("link", rel="canonical")["href"] == f"{base}{own}{permalink}"


def test_a_build_writes_no_catalog_into_the_package(tmp_path):
    """A source checkout has only the ``.po`` files: a build compiles them into its own
    doctree folder, never beside the sources (``git status`` stays clean)."""
    from pathlib import Path

    from sphinx_advocacy_blog.util.resources import LOCALE_DIR

    def listing() -> list[tuple[str, int]]:
        return sorted((str(path), path.stat().st_mtime_ns) for path in Path(LOCALE_DIR).rglob("*"))

    before = listing()
    site = build_site(copy_root("i18n", tmp_path / "src"), language="ru", freshenv=True)
    assert listing() == before
    assert h1(site.html("blog/tags.html")) == "Теги"


def test_without_blog_default_locale_conf_language_is_at_the_root_for_both_builds(tmp_path):
    """``conf.py`` sets ``language = "ru"``, ``i18n/`` exists and ``blog_default_locale``
    is unset: a plain ``sphinx-build`` and the ``build`` command both put Russian at the
    site root, and its canonical and feed links point there (not at ``/ru/``)."""
    import feedparser

    from sphinx_advocacy_blog.cli.build_all import plan_builds

    srcdir = copy_root("i18n", tmp_path / "src")
    conf = srcdir / "conf.py"
    text = conf.read_text(encoding="utf-8")
    conf.write_text(text[: text.index("blog_locales")] + 'language = "ru"\n', encoding="utf-8")
    builds = plan_builds(str(srcdir), str(tmp_path / "site"), [])
    assert [(b.locale.code, b.locale.prefix) for b in builds] == [("ru", ""), ("ukr", "ukr")]
    base = "https://free-voices.example.org/"
    plain = build_site(srcdir, builddir=tmp_path / "plain")
    like_the_command = build_site(srcdir, builddir=tmp_path / "command", language="ru")
    for site in (plain, like_the_command):
        welcome = site.html("blog/welcome.html")
        assert h1(welcome) == "Добро пожаловать в наш новый блог"
        assert welcome.find("link", rel="canonical")["href"] == f"{base}blog/welcome"
        feed = feedparser.parse((site.outdir / "blog" / "rss.xml").read_bytes())
        assert feed.feed.link == f"{base}blog"
        assert {entry.link for entry in feed.entries} >= {f"{base}blog/welcome"}


def test_a_checkout_compiles_its_catalogs_once_into_the_users_cache(tmp_path, monkeypatch):
    """A source checkout or an editable install has only ``.po`` files: they are compiled
    once into the user's cache, not again by each clean build into its doctree folder;
    a catalog edited since is compiled again."""
    import os

    from sphinx_advocacy_blog.i18n import translate
    from sphinx_advocacy_blog.util.resources import LOCALE_DIR

    if translate.catalogs_up_to_date(LOCALE_DIR, LOCALE_DIR):
        pytest.skip("an installed package: its .mo files were compiled when it was built")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = catalog_dir(str(tmp_path / "doctrees"))
    assert folder.startswith(str(tmp_path / "cache" / "sphinx-advocacy-blog"))
    assert not (tmp_path / "doctrees").exists()
    mo = os.path.join(folder, "ru", "LC_MESSAGES", f"{MESSAGE_CATALOG}.mo")
    os.utime(mo, (1_000_000_000, 1_000_000_000))  # older than the .po: compiled again
    assert catalog_dir(str(tmp_path / "doctrees")) == folder
    compiled = os.path.getmtime(mo)
    assert compiled > 1_000_000_000
    assert catalog_dir(str(tmp_path / "other")) == folder
    assert os.path.getmtime(mo) == compiled  # up to date: not compiled again
    # Where the user's cache cannot be written, the build's doctree folder serves.
    (tmp_path / "blocked").write_text("a file, not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "blocked"))
    fallback = catalog_dir(str(tmp_path / "doctrees"))
    assert fallback == os.path.join(str(tmp_path / "doctrees"), translate.CATALOG_CACHE)
    assert os.path.isfile(os.path.join(fallback, "ru", "LC_MESSAGES", f"{MESSAGE_CATALOG}.mo"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    site = build_site(copy_root("i18n", tmp_path / "src"), freshenv=True)
    assert not (site.app.doctreedir / translate.CATALOG_CACHE).exists()

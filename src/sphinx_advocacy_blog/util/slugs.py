"""Slugs and URL path segments made from user text: pure functions.

Every permalink, tag, author, category and locale URL is made from text a person wrote;
:func:`path_segment` is the one function that turns such text into a path segment that is
safe as a URL and as a file name (no separator, no ``..``, no control character, not too
long for a file system), and :func:`clean_url_path` applies it to each segment of a path.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

_CAMEL_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_UNSAFE_SLUG_CHARS = re.compile(r"[^\w\-.~+]+", re.UNICODE)
#: Longest path segment, in UTF-8 bytes. File systems allow 255; the output adds
#: ``.html``, ``/index.html`` or ``.md.txt``, and feeds a folder level.
MAX_SEGMENT_BYTES = 200
#: Names Windows cannot store, with any extension (a site built or served there breaks).
WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"} | {f"com{n}" for n in range(10)} | {f"lpt{n}" for n in range(10)}
)


def fit_segment(segment: str) -> str:
    """*segment*, shortened to :data:`MAX_SEGMENT_BYTES` with a hash of the whole when it is
    longer (deterministic: the same text gives the same name in every build)."""
    data = segment.encode("utf-8")
    if len(data) <= MAX_SEGMENT_BYTES:
        return segment
    digest = hashlib.sha256(data).hexdigest()[:10]
    head = data[: MAX_SEGMENT_BYTES - len(digest) - 1].decode("utf-8", errors="ignore")
    return f"{head.rstrip('-.')}-{digest}"


@lru_cache(maxsize=65536)
def path_segment(text: str) -> str:
    """One URL path segment (and file name) from user text, ``""`` when nothing is usable.

    Unicode is normalized (NFC); every run of characters other than letters, digits, ``-``,
    ``_``, ``.``, ``~`` and ``+`` (which Docusaurus keeps: ``es2015+-packages``, ``c++``)
    (separators, spaces, control characters, lone surrogates...) becomes ``-``; ``.`` and
    ``..`` give nothing; the result is shortened with a hash when too long for a file name.

    >>> path_segment("../../index")
    '..-..-index'
    >>> path_segment("..")
    ''
    """
    text = unicodedata.normalize("NFC", text.encode("utf-8", "replace").decode("utf-8"))
    segment = _UNSAFE_SLUG_CHARS.sub("-", text.strip()).strip("-")
    if not segment or set(segment) <= {"."}:
        return ""
    return fit_segment(segment)


def is_windows_reserved(segment: str) -> bool:
    """Whether a segment is a name Windows cannot store (``con``, ``aux.html``...)."""
    return segment.split(".", 1)[0].casefold() in WINDOWS_RESERVED


@lru_cache(maxsize=65536)
def slugify(label: str) -> str:
    """Docusaurus-style tag permalink: kebab case, unicode letters kept.

    >>> slugify("Captive Nations")
    'captive-nations'
    """
    text = unicodedata.normalize("NFKC", label)
    text = _CAMEL_BOUNDARY.sub(" ", text)
    words = re.findall(r"[^\W_]+", text, re.UNICODE)
    return fit_segment("-".join(word.lower() for word in words))


@lru_cache(maxsize=65536)
def clean_url_path(path: str) -> str:
    """Make a user-given URL path safe as a document name and output path.

    Backslashes, ``.``/``..`` segments, empty segments and characters outside letters,
    digits, ``-``, ``_``, ``.`` and ``~`` are removed, so that no permalink can put a file
    outside the output folder.
    """
    segments = (path_segment(raw) for raw in path.replace("\\", "/").split("/"))
    return "/".join(segment for segment in segments if segment)


@lru_cache(maxsize=65536)
def ablog_slugify(text: str) -> str:
    """ABlog's slug for tag, author, category, location and language pages.

    >>> ablog_slugify("Captive Nations")
    'captive-nations'
    """
    normalized = unicodedata.normalize("NFKD", str(text))
    cleaned = re.sub(r"[^\w\s-]", "", normalized).strip().lower()
    return re.sub(r"[-\s]+", "-", cleaned)


# Circled and squared letters are symbols (So) that github-slugger keeps as letters.
_SLUG_KEPT_SYMBOLS = ((0x24B6, 0x24E9), (0x1F130, 0x1F149), (0x1F150, 0x1F169), (0x1F170, 0x1F189))


def _slug_char(char: str) -> bool:
    category = unicodedata.category(char)
    if category[0] in "LM" or category in ("Nd", "Nl", "Pc") or char in " -":
        return True
    point = ord(char)
    return category == "So" and any(low <= point <= high for low, high in _SLUG_KEPT_SYMBOLS)


def github_slug(text: str, *, maintain_case: bool = False) -> str:
    """github-slugger 1.5's slug, which Docusaurus gives headings (without dedupe).

    Lower case; every character other than a letter, mark, decimal number, ``_``, ``-``
    and space is removed; each space becomes ``-`` (runs are not collapsed).

    >>> github_slug("What's new in 2.0?")
    'whats-new-in-20'
    >>> github_slug("C++ & C#")
    'c--c'
    """
    if not maintain_case:
        text = text.lower()
    return "".join(char for char in text if _slug_char(char)).replace(" ", "-")


class GithubSlugger:
    """github-slugger's ``slug()`` with its per-page memory: repeats get ``-1``, ``-2``...

    >>> slugger = GithubSlugger()
    >>> [slugger.slug("Intro"), slugger.slug("Intro"), slugger.slug("Intro-1")]
    ['intro', 'intro-1', 'intro-1-1']
    """

    def __init__(self) -> None:
        self.occurrences: dict[str, int] = {}

    def slug(self, text: str, *, maintain_case: bool = False) -> str:
        slug = original = github_slug(text, maintain_case=maintain_case)
        while slug in self.occurrences:
            self.occurrences[original] += 1
            slug = f"{original}-{self.occurrences[original]}"
        self.occurrences[slug] = 0
        return slug


# lodash's ``deburr`` for the letters NFKD does not take apart.
_DEBURR = str.maketrans(
    {
        "ß": "ss", "Æ": "Ae", "æ": "ae", "Ø": "O", "ø": "o", "Þ": "Th", "þ": "th",
        "Ð": "D", "ð": "d", "Đ": "D", "đ": "d", "Ħ": "H", "ħ": "h", "ı": "i", "Ĳ": "IJ",
        "ĳ": "ij", "ĸ": "k", "Ŀ": "L", "ŀ": "l", "Ł": "L", "ł": "l", "ŉ": "'n", "Ŋ": "N",
        "ŋ": "n", "Œ": "Oe", "œ": "oe", "Ŧ": "T", "ŧ": "t", "ſ": "s",
    }
)  # fmt: skip
_COMBINING = re.compile("[\u0300-\u036f\ufe20-\ufe2f\u20d0-\u20ff]")


def _deburr(text: str) -> str:
    latin = "".join(
        unicodedata.normalize("NFKD", char) if "\u00c0" <= char <= "\u017f" else char
        for char in text.translate(_DEBURR)
    )
    return _COMBINING.sub("", latin)


def _kind(char: str) -> str:
    if "0" <= char <= "9":
        return "D"
    if char.isalpha():
        return "U" if char.isupper() else "L"
    if unicodedata.category(char) in ("So", "Mn", "Mc"):
        return "E"
    return "B"


def lodash_words(text: str) -> list[str]:
    """lodash's ``_.words``: runs of letters split at case changes and digits.

    >>> lodash_words("XMLHttpRequest i18n")
    ['XML', 'Http', 'Request', 'i', '18', 'n']
    """
    words: list[str] = []
    word = ""
    kinds = ""
    for char in _deburr(text).replace("'", "").replace("\u2019", ""):
        kind = _kind(char)
        if kind == "B":
            if word:
                words.append(word)
            word, kinds = "", ""
            continue
        last = kinds[-1:] if kinds else ""
        if word and (
            (kind == "D") != (last == "D")
            or (kind == "E") != (last == "E")
            or (kind == "U" and last == "L")
        ):
            words.append(word)
            word, kinds = "", ""
        elif kind == "L" and len(kinds) >= 2 and set(kinds) == {"U"}:
            # "XMLHttp": the acronym ends before the capital that starts a word.
            words.append(word[:-1])
            word, kinds = word[-1], "U"
        word += char
        kinds += kind
    if word:
        words.append(word)
    return words


@lru_cache(maxsize=65536)
def kebab_case(text: str) -> str:
    """lodash's ``_.kebabCase``, which Docusaurus gives inline tags and author pages.

    >>> kebab_case("C++ i18n")
    'c-i-18-n'
    """
    return "-".join(word.lower() for word in lodash_words(text))

"""The synthetic posts of the benchmark: the same text, dates, tags and authors in every form.

Everything is derived from a seeded random generator, so N posts are the same posts in every
run and every form; only the way each form spells the front matter and the title differs.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

#: ~20 tags and ~8 authors, as a mid-sized organisation's blog has.
TAGS = [
    "announcements",
    "events",
    "elections",
    "education",
    "language rights",
    "press",
    "reports",
    "volunteers",
    "fundraising",
    "community",
    "policy",
    "media",
    "youth",
    "culture",
    "history",
    "research",
    "partners",
    "training",
    "solidarity",
    "newsletter",
]

AUTHORS = {
    "maria": ("Maria Kovalenko", "Communications lead"),
    "oleh": ("Oleh Bondar", "Volunteer coordinator"),
    "anna": ("Anna Petrenko", "Research director"),
    "ivan": ("Ivan Melnyk", "Policy analyst"),
    "sofia": ("Sofia Shevchenko", "Editor"),
    "taras": ("Taras Kravets", "Field organiser"),
    "olena": ("Olena Tkachenko", "Education programme"),
    "board": ("The Board", "Board of directors"),
}

_VOCABULARY = (
    "the organisation volunteers gathered city council school language community report "
    "rights minority press freedom media law teachers students museum archive history "
    "election observers polling station results campaign letter solidarity partners "
    "workshop training summer winter conference statement public hearing budget grant "
    "research survey data findings interview radio television newspaper article review "
    "festival concert exhibition library books translation culture heritage youth "
    "families parents children village region capital abroad diaspora network members "
    "board meeting agenda decision vote proposal draft committee working group plan year "
    "month week day morning evening together again also still only already soon "
)
_WORDS = _VOCABULARY.split()

#: The first sentence of every post; the benchmark's "edit one post" changes it.
EDIT_MARK = "This is post number {number}."
EDITED = "This is post number {number}, now edited."


@dataclass(frozen=True)
class PostSpec:
    """One synthetic post, independent of any blog format."""

    number: int
    title: str
    slug: str
    published: date
    authors: tuple[str, ...]
    tags: tuple[str, ...]
    #: Markdown body without a title: intro, truncate marker, sections, list, link, code.
    body: str

    @property
    def stem(self) -> str:
        """``YYYY-MM-DD-slug``: the file name of the post without extension."""
        return f"{self.published.isoformat()}-{self.slug}"


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(_WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _paragraph(rng: random.Random, words: int) -> str:
    sentences = []
    while words > 0:
        length = min(words, rng.randint(8, 16))
        sentences.append(_sentence(rng, length))
        words -= length
    return " ".join(sentences)


def _body(rng: random.Random, number: int) -> str:
    """About 400 words with headings, a list, a link and a code block."""
    intro = EDIT_MARK.format(number=number) + " " + _paragraph(rng, 60)
    items = "\n".join(f"- {_sentence(rng, rng.randint(5, 9))}" for _ in range(4))
    link_text = " ".join(rng.choice(_WORDS) for _ in range(3))
    code = "\n".join(
        [
            "```python",
            "def count_votes(stations):",
            f'    """Station {number}."""',
            "    return sum(station.votes for station in stations)",
            "```",
        ]
    )
    parts = [
        intro,
        "<!-- truncate -->",
        f"## {_sentence(rng, 4)[:-1]}",
        _paragraph(rng, 90),
        f"{_sentence(rng, 10)} Read [{link_text}](https://example.org/{number}) for details.",
        items,
        f"## {_sentence(rng, 3)[:-1]}",
        _paragraph(rng, 80),
        code,
        f"### {_sentence(rng, 3)[:-1]}",
        _paragraph(rng, 90),
    ]
    return "\n\n".join(parts) + "\n"


def generate(count: int, seed: int = 2024) -> list[PostSpec]:
    """*count* posts, spread over ten years (several a day at large counts), oldest first."""
    start = date(2015, 1, 1)
    span_days = 3650
    author_keys = list(AUTHORS)
    posts = []
    for number in range(1, count + 1):
        rng = random.Random(seed * 1_000_003 + number)
        published = start + timedelta(days=(number - 1) * span_days // count)
        title_words = [rng.choice(_WORDS) for _ in range(rng.randint(3, 6))]
        title = " ".join(title_words).capitalize() + f" ({number})"
        slug = "-".join([*title_words, str(number)])
        tag_count = rng.choice((1, 2, 2, 3))
        tags = tuple(sorted(rng.sample(TAGS, tag_count)))
        authors = tuple(rng.sample(author_keys, rng.choice((1, 1, 1, 2))))
        posts.append(PostSpec(number, title, slug, published, authors, tags, _body(rng, number)))
    return posts

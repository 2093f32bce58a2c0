"""The synthetic posts of the benchmark: the same text, dates, tags and authors in every form.

Everything is derived from a seeded random generator, so N posts are the same posts in every
run and every form; only the way each form spells the front matter and the title differs.

Three shapes (``--shape``):

``prose`` (the default)
    what an advocacy organisation writes: five paragraphs of about 80 words, an image (one
    file shared by every post, in the site's ``img/`` folder), a truncate marker after the
    first paragraph, one ``##`` heading, no code; 3 of 22 tags, 1 of 5 authors.
``code``
    the first benchmark's shape: about 400 words with three headings, a list, a link and a
    Python code block (Pygments highlighting makes the floor slow).
``images``
    ``prose`` with a photograph of its own beside each post (a 1600 x 1067 JPEG), for the
    cost of responsive images.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
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
    "petitions",
    "campaigns",
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
    #: Files beside the post: ``(path relative to the post's folder, bytes)``.
    files: tuple[tuple[str, bytes], ...] = ()
    #: Front-matter lines only the blog reads (an ``event``, a ``series``): written by the
    #: ``ours`` form; the others have no such feature.
    campaign: str = ""

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


#: The shapes of post the benchmark can generate (see the module's doc).
SHAPES = ("prose", "code", "images")
#: The image every ``prose`` post shows, relative to the source folder (see :func:`site_files`).
SHARED_IMAGE = "img/campaign.png"
#: The authors and tag count of the ``prose`` shape (1 of 5 authors, 3 of 22 tags).
PROSE_AUTHORS = ("maria", "oleh", "anna", "ivan", "sofia")


def _prose(rng: random.Random, number: int, image: str) -> str:
    """Five paragraphs of about 80 words, an image, a truncate marker, one heading."""
    paragraphs = [EDIT_MARK.format(number=number) + " " + _paragraph(rng, rng.randint(70, 90))]
    paragraphs += [_paragraph(rng, rng.randint(70, 90)) for _ in range(4)]
    alt = " ".join(rng.choice(_WORDS) for _ in range(4))
    parts = [
        paragraphs[0],
        "<!-- truncate -->",
        f"![{alt}]({image})",
        paragraphs[1],
        paragraphs[2],
        f"## {_sentence(rng, 4)[:-1]}",
        paragraphs[3],
        paragraphs[4],
    ]
    return "\n\n".join(parts) + "\n"


def _photograph(rng: random.Random) -> bytes:
    """A 1600 x 1067 JPEG that compresses like a photograph (deterministic per post)."""
    from io import BytesIO

    from PIL import Image

    small = Image.new("RGB", (40, 27))
    small.putdata([tuple(rng.randrange(256) for _ in range(3)) for _ in range(40 * 27)])
    picture = small.resize((1600, 1067), Image.Resampling.BICUBIC)
    buffer = BytesIO()
    picture.save(buffer, format="JPEG", quality=80)
    return buffer.getvalue()


def site_files(shape: str) -> dict[str, bytes]:
    """Files every form of the site has besides its posts (relative to the source folder)."""
    if shape == "code":
        return {}
    from io import BytesIO

    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (1200, 630), (200, 40, 40)).save(buffer, format="PNG")
    return {SHARED_IMAGE: buffer.getvalue()}


#: With ``campaigns``: one post in :data:`EVENT_EVERY` announces an event, one in
#: :data:`SERIES_EVERY` is a part of one of :data:`SERIES_COUNT` series.
EVENT_EVERY = 20
SERIES_EVERY = 8
SERIES_COUNT = 10


def _campaign(post: PostSpec) -> PostSpec:
    """*post* with an event (a week after it is published, half of them in a place) and/or
    a series part, as an advocacy blog's campaign posts have."""
    lines = []
    if post.number % EVENT_EVERY == 0:
        start = post.published + timedelta(days=7)
        lines += ["event:", f'  start: "{start.isoformat()}T18:00:00"', "  timezone: Europe/Kyiv"]
        if post.number % (2 * EVENT_EVERY) == 0:
            lines += ["  location:", "    name: Community hall", '    address: "1 Main St"']
        else:
            lines += ["  online: https://meet.example.org/town-hall"]
    if post.number % SERIES_EVERY == 0:
        lines += [f"series: Campaign {post.number // SERIES_EVERY % SERIES_COUNT}"]
    return replace(post, campaign="".join(f"{line}\n" for line in lines))


def generate(
    count: int, seed: int = 2024, shape: str = "prose", *, campaigns: bool = False
) -> list[PostSpec]:
    """*count* posts of *shape*, spread over ten years (several a day at large counts),
    oldest first; with *campaigns*, some announce events and some form series."""
    posts = _generate(count, seed, shape)
    return [_campaign(post) for post in posts] if campaigns else posts


def _generate(count: int, seed: int, shape: str) -> list[PostSpec]:
    if shape not in SHAPES:
        raise ValueError(f"unknown shape {shape!r}: one of {SHAPES}")
    if shape != "code":
        return _generate_prose(count, seed, images=shape == "images")
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


def _generate_prose(count: int, seed: int, *, images: bool) -> list[PostSpec]:
    start = date(2015, 1, 1)
    span_days = 3650
    posts = []
    for number in range(1, count + 1):
        rng = random.Random(seed * 1_000_003 + number)
        published = start + timedelta(days=(number - 1) * span_days // count)
        title_words = [rng.choice(_WORDS) for _ in range(rng.randint(3, 6))]
        title = " ".join(title_words).capitalize() + f" ({number})"
        slug = "-".join([*title_words, str(number)])
        tags = tuple(sorted(rng.sample(TAGS, 3)))
        authors = (rng.choice(PROSE_AUTHORS),)
        files: tuple[tuple[str, bytes], ...] = ()
        image = "/" + SHARED_IMAGE
        if images:
            image = f"./images/{number}.jpg"
            files = ((image[2:], _photograph(rng)),)
        body = _prose(rng, number, image)
        posts.append(PostSpec(number, title, slug, published, authors, tags, body, files))
    return posts

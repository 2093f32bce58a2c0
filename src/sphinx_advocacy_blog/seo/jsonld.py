"""schema.org JSON-LD for posts, the blog index and author pages: pure functions.

The builders take display-ready values (absolute URLs, plain text) and return plain dicts;
:func:`script_tag` serializes one with :func:`json.dumps`, escaping ``<``, ``>`` and ``&``
so that no text of a post can close the ``<script>`` element.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from markupsafe import Markup

from ..model.event import Place

CONTEXT = "https://schema.org"

#: Types that take the article properties (headline, author, datePublished...). Any other
#: type a post chooses (``Event``, ``Course``...) gets only the properties every thing has,
#: plus what the post's ``schema`` front matter adds.
ARTICLE_TYPES = frozenset(
    {
        "Article",
        "AdvertiserContentArticle",
        "AnalysisNewsArticle",
        "AskPublicNewsArticle",
        "BackgroundNewsArticle",
        "BlogPosting",
        "CreativeWork",
        "DiscussionForumPosting",
        "LiveBlogPosting",
        "NewsArticle",
        "OpinionNewsArticle",
        "Report",
        "ReportageNewsArticle",
        "ReviewNewsArticle",
        "SatiricalArticle",
        "ScholarlyArticle",
        "SocialMediaPosting",
        "TechArticle",
    }
)

_SCRIPT_ESCAPES = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"))


@dataclass(frozen=True)
class ImageRef:
    """An image for JSON-LD: absolute URL and, for local files, its size."""

    url: str
    width: int | None = None
    height: int | None = None
    caption: str = ""


@dataclass(frozen=True)
class AgentRef:
    """A post's author or the publisher: a Person or an Organization."""

    name: str
    url: str = ""
    organization: bool = False
    image: str = ""
    description: str = ""
    job_title: str = ""
    same_as: tuple[str, ...] = ()
    logo: ImageRef | None = None


def _clean(data: dict[str, Any]) -> dict[str, Any]:
    """Drop empty values, so that no property is present without content."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {}, ())}


def iso(moment: datetime | date | None) -> str:
    """ISO 8601 text of a date or datetime (``""`` for none)."""
    return moment.isoformat() if moment is not None else ""


def image_object(image: ImageRef | None) -> dict[str, Any] | None:
    """``ImageObject`` with its size when known."""
    if image is None or not image.url:
        return None
    return _clean(
        {
            "@type": "ImageObject",
            "url": image.url,
            "contentUrl": image.url,
            "width": image.width,
            "height": image.height,
            "caption": image.caption,
        }
    )


def agent(ref: AgentRef) -> dict[str, Any]:
    """``Person`` or ``Organization``."""
    data: dict[str, Any] = {
        "@type": "Organization" if ref.organization else "Person",
        "name": ref.name,
        "url": ref.url,
        "image": ref.image,
        "description": ref.description,
        "sameAs": list(dict.fromkeys(url for url in ref.same_as if url and url != ref.url)),
    }
    if not ref.organization:
        data["jobTitle"] = ref.job_title
    if ref.logo is not None:
        data["logo"] = image_object(ref.logo)
    return _clean(data)


def blog_ref(url: str, name: str) -> dict[str, Any]:
    """The blog a post is part of."""
    return _clean({"@type": "Blog", "@id": url, "name": name, "url": url})


def blog_posting(
    *,
    schema_type: str,
    url: str,
    headline: str,
    description: str,
    published: datetime | None,
    modified: datetime | None,
    authors: Sequence[AgentRef],
    image: ImageRef | None,
    keywords: Sequence[str],
    language: str,
    blog_url: str,
    blog_name: str,
    publisher: AgentRef | None,
    extra: Mapping[str, Any] | None = None,
    series: Mapping[str, Any] | None = None,
    position: int | None = None,
) -> dict[str, Any]:
    """A post as ``BlogPosting`` (or the schema.org type it chose).

    *series* (a :func:`series_ref`) joins the blog in ``isPartOf``, and *position* is the
    post's place in it. *extra* (the post's ``schema`` front matter) is merged last, so a
    post can correct any generated property.
    """
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": schema_type,
        "@id": url,
        "url": url,
        "mainEntityOfPage": _clean({"@type": "WebPage", "@id": url}) if url else None,
        "name": headline,
        "description": description,
        "image": image_object(image),
        "inLanguage": language,
    }
    if schema_type in ARTICLE_TYPES:
        data.update(
            {
                "headline": headline,
                "datePublished": iso(published),
                "dateModified": iso(modified or published),
                "author": [agent(author) for author in authors],
                "publisher": agent(publisher) if publisher is not None else None,
                "keywords": list(dict.fromkeys(keywords)),
                "isPartOf": blog_ref(blog_url, blog_name) if blog_url or blog_name else None,
            }
        )
    if series:
        data["isPartOf"] = [part for part in (data.get("isPartOf"), dict(series)) if part]
        data["position"] = position
    for key, value in (extra or {}).items():
        if key != "@context":
            data[str(key)] = value
    return _clean(data)


def series_ref(url: str, name: str) -> dict[str, Any]:
    """A series of posts, as ``CreativeWorkSeries``."""
    return _clean({"@type": "CreativeWorkSeries", "@id": url, "name": name, "url": url})


def place(ref: Place) -> dict[str, Any]:
    """``Place`` with a ``PostalAddress`` (the address in one line when it has no parts;
    the venue's name when it has no address)."""
    parts = {
        "streetAddress": ref.street,
        "addressLocality": ref.locality,
        "addressRegion": ref.region,
        "postalCode": ref.postal_code,
        "addressCountry": ref.country,
    }
    if not any(parts.values()):
        parts["streetAddress"] = ref.address or ref.name
    return _clean(
        {
            "@type": "Place",
            "name": ref.name or ref.address,
            "address": _clean({"@type": "PostalAddress", **parts}),
        }
    )


#: ``eventAttendanceMode`` of each mode of :class:`~..model.event.Event`.
ATTENDANCE_MODES = {
    "offline": "https://schema.org/OfflineEventAttendanceMode",
    "online": "https://schema.org/OnlineEventAttendanceMode",
    "mixed": "https://schema.org/MixedEventAttendanceMode",
}


def event(
    *,
    name: str,
    url: str,
    description: str,
    start: str,
    end: str,
    status: str,
    attendance: str,
    venue: Place | None,
    online: str,
    image: ImageRef | None,
    organizer: AgentRef | None,
    language: str,
    previous_start: str = "",
) -> dict[str, Any]:
    """An ``Event`` with Google's required properties (``name``, ``startDate``,
    ``location``) and recommended ones (``endDate``, ``eventStatus``,
    ``eventAttendanceMode``, ``description``, ``image``, ``organizer``).

    *status* is the schema.org URL of the status; *attendance* a key of
    :data:`ATTENDANCE_MODES`. The location is the venue (``Place``), the online link
    (``VirtualLocation``), or both.
    """
    locations: list[dict[str, Any]] = []
    if venue is not None and attendance != "online":
        locations.append(place(venue))
    if online:
        locations.append({"@type": "VirtualLocation", "url": online})
    if venue is not None and not locations:
        locations.append(place(venue))
    return _clean(
        {
            "@context": CONTEXT,
            "@type": "Event",
            "@id": f"{url}#event" if url else "",
            "name": name,
            "url": url,
            "description": description,
            "startDate": start,
            "endDate": end,
            "previousStartDate": previous_start,
            "eventStatus": status,
            "eventAttendanceMode": ATTENDANCE_MODES.get(attendance, ""),
            "location": locations[0] if len(locations) == 1 else locations,
            "image": image_object(image),
            "organizer": agent(organizer) if organizer is not None else None,
            "inLanguage": language,
        }
    )


def blog(
    *,
    url: str,
    name: str,
    description: str,
    language: str,
    posts: Sequence[Mapping[str, Any]],
    publisher: AgentRef | None,
) -> dict[str, Any]:
    """The blog index as ``Blog`` with its posts as ``blogPost`` items."""
    items = [{key: value for key, value in post.items() if key != "@context"} for post in posts]
    return _clean(
        {
            "@context": CONTEXT,
            "@type": "Blog",
            "@id": url,
            "url": url,
            "mainEntityOfPage": url,
            "name": name,
            "headline": name,
            "description": description,
            "inLanguage": language,
            "publisher": agent(publisher) if publisher is not None else None,
            "blogPost": items,
        }
    )


def profile_page(
    *, url: str, name: str, person: AgentRef, language: str, blog_url: str, blog_name: str
) -> dict[str, Any]:
    """An author's page as ``ProfilePage`` whose main entity is the author."""
    return _clean(
        {
            "@context": CONTEXT,
            "@type": "ProfilePage",
            "@id": url,
            "url": url,
            "name": name,
            "inLanguage": language,
            "mainEntity": agent(person),
            "isPartOf": blog_ref(blog_url, blog_name) if blog_url or blog_name else None,
        }
    )


def _json_default(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    return str(value)


def dumps(data: Any) -> str:
    """JSON text safe inside ``<script>``: ``<``, ``>``, ``&`` written as ``\\u003c``..."""
    text = json.dumps(data, ensure_ascii=False, default=_json_default, sort_keys=False)
    # Three str.replace calls: several times faster than str.translate on long texts.
    for character, escaped in _SCRIPT_ESCAPES:
        text = text.replace(character, escaped)
    return text


def script_tag(data: Mapping[str, Any]) -> Markup:
    """``<script type="application/ld+json">`` holding *data*."""
    return Markup('<script type="application/ld+json">{}</script>\n').format(Markup(dumps(data)))  # noqa: S704 - dumps() escapes <, > and &

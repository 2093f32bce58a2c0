"""Embeds from other sites (videos, social posts): which service a URL belongs to.

Pure functions over URLs, with no Sphinx or docutils: :func:`recognize` reads a page URL
(``https://www.youtube.com/watch?v=ID``), a short link (``youtu.be/ID``) or an iframe's
``src`` (``https://www.youtube.com/embed/ID``) and gives an :class:`Embed`: the service's
name, the URL of its player (loaded only when the reader asks, see ``media/embeds.py``)
and the URL to open the content on the service's own site. YouTube plays from
``www.youtube-nocookie.com``; Vimeo's player gets ``dnt=1``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, quote, urlencode, urlsplit

#: Kinds of embeds: a video (played in place) or a post on a social network (shown in place).
VIDEO = "video"
POST = "post"


@dataclass(frozen=True)
class Embed:
    """Content of another site that a page shows in an iframe once the reader asks."""

    #: The service's name, shown to readers (``YouTube``, ``PeerTube (tube.example)``).
    service: str
    #: ``video`` or ``post``.
    kind: str
    #: The iframe's ``src`` (without autoplay): what the feeds show.
    embed_url: str
    #: The content's page on the service, for readers who open it there (or have no JS).
    page_url: str
    #: The host the player loads from (``www.youtube-nocookie.com``), named to readers.
    host: str
    #: Shape of the player: ``wide`` (16:9, videos), ``square`` or ``tall`` (posts).
    shape: str = "wide"
    #: Query parameter that starts a video at once, added when the reader clicked "play".
    autoplay: str = ""

    @property
    def player_url(self) -> str:
        """The iframe's ``src`` once the reader asked for it (a video starts playing)."""
        if not self.autoplay:
            return self.embed_url
        return self.embed_url + ("&" if "?" in self.embed_url else "?") + self.autoplay


_ID = r"[A-Za-z0-9_-]+"
_YOUTUBE_HOSTS = {
    "youtube.com",
    "www.youtube.com",
    "m.youtube.com",
    "music.youtube.com",
    "youtube-nocookie.com",
    "www.youtube-nocookie.com",
}
_YOUTUBE_PATH = re.compile(rf"^/(?:embed|shorts|live|v|e)/({_ID})")
_VIMEO_PATH = re.compile(r"^/(?:video/|channels/[^/]+/|groups/[^/]+/videos/)?(\d+)(?:/(\w+))?")
_DAILYMOTION_PATH = re.compile(rf"^/(?:embed/)?video/({_ID})")
_PEERTUBE_PATH = re.compile(rf"^/(?:videos/(?:watch|embed)|w)/({_ID})/?$")
_TWEET_PATH = re.compile(r"^/[A-Za-z0-9_]{1,15}/status(?:es)?/(\d+)")
_INSTAGRAM_PATH = re.compile(rf"^/(?:[A-Za-z0-9_.]+/)?(p|reel|tv)/({_ID})")
_TELEGRAM_PATH = re.compile(r"^/(?:s/)?([A-Za-z][A-Za-z0-9_]{3,31})/(\d+)/?$")
_FACEBOOK_HOSTS = {"facebook.com", "www.facebook.com", "m.facebook.com", "web.facebook.com"}
_FACEBOOK_VIDEO = re.compile(r"/(?:videos|watch|reel)\b")


def _seconds(value: str) -> int:
    """``90``, ``1m30s``, ``1h2m3s`` -> seconds (0 when unreadable)."""
    if value.isdigit():
        return int(value)
    match = re.fullmatch(r"(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?", value)
    if not match or not any(match.groups()):
        return 0
    hours, minutes, seconds = (int(part or 0) for part in match.groups())
    return hours * 3600 + minutes * 60 + seconds


def _youtube(video_id: str, query: dict[str, list[str]]) -> Embed:
    start = _seconds((query.get("t") or query.get("start") or [""])[0])
    player = f"?start={start}" if start else ""
    page = {"v": video_id, **({"t": f"{start}s"} if start else {})}
    return Embed(
        service="YouTube",
        kind=VIDEO,
        embed_url=f"https://www.youtube-nocookie.com/embed/{video_id}{player}",
        page_url=f"https://www.youtube.com/watch?{urlencode(page)}",
        host="www.youtube-nocookie.com",
        autoplay="autoplay=1",
    )


def _vimeo(video_id: str, private_hash: str) -> Embed:
    player = {**({"h": private_hash} if private_hash else {}), "dnt": "1"}
    page = f"https://vimeo.com/{video_id}" + (f"/{private_hash}" if private_hash else "")
    return Embed(
        service="Vimeo",
        kind=VIDEO,
        embed_url=f"https://player.vimeo.com/video/{video_id}?{urlencode(player)}",
        page_url=page,
        host="player.vimeo.com",
        autoplay="autoplay=1",
    )


def _dailymotion(video_id: str) -> Embed:
    return Embed(
        service="Dailymotion",
        kind=VIDEO,
        embed_url=f"https://www.dailymotion.com/embed/video/{video_id}",
        page_url=f"https://www.dailymotion.com/video/{video_id}",
        host="www.dailymotion.com",
        autoplay="autoplay=1",
    )


def _peertube(host: str, video_id: str) -> Embed:
    return Embed(
        service=f"PeerTube ({host})",
        kind=VIDEO,
        embed_url=f"https://{host}/videos/embed/{video_id}",
        page_url=f"https://{host}/w/{video_id}",
        host=host,
        autoplay="autoplay=1",
    )


def _tweet(user_path: str, tweet_id: str) -> Embed:
    return Embed(
        service="X",
        kind=POST,
        embed_url=f"https://platform.twitter.com/embed/Tweet.html?dnt=true&id={tweet_id}",
        page_url=f"https://x.com{user_path}",
        host="platform.twitter.com",
        shape="square",
    )


def _facebook(page_url: str) -> Embed:
    plugin = "video" if _FACEBOOK_VIDEO.search(urlsplit(page_url).path) else "post"
    return Embed(
        service="Facebook",
        kind=VIDEO if plugin == "video" else POST,
        embed_url=f"https://www.facebook.com/plugins/{plugin}.php?href={quote(page_url, safe='')}",
        page_url=page_url,
        host="www.facebook.com",
        shape="wide" if plugin == "video" else "square",
        autoplay="autoplay=true" if plugin == "video" else "",
    )


def _instagram(kind: str, code: str) -> Embed:
    page = f"https://www.instagram.com/{kind}/{code}/"
    return Embed(
        service="Instagram",
        kind=POST,
        embed_url=page + "embed/",
        page_url=page,
        host="www.instagram.com",
        shape="tall",
    )


def _telegram(channel: str, message: str) -> Embed:
    page = f"https://t.me/{channel}/{message}"
    return Embed(
        service="Telegram",
        kind=POST,
        embed_url=page + "?embed=1",
        page_url=page,
        host="t.me",
        shape="square",
    )


def recognize(url: str) -> Embed | None:
    """The embed behind a page URL or an iframe ``src`` of a known service, else None."""
    text = url.strip()
    if text.startswith("//"):
        text = "https:" + text
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https"):
        return None
    host = (parts.hostname or "").lower()
    path = parts.path or "/"
    query = parse_qs(parts.query)
    if host in _YOUTUBE_HOSTS:
        if path == "/watch" and query.get("v"):
            video_id = query["v"][0]
            return _youtube(video_id, query) if re.fullmatch(_ID, video_id) else None
        match = _YOUTUBE_PATH.match(path)
        return _youtube(match.group(1), query) if match else None
    if host == "youtu.be":
        match = re.match(rf"^/({_ID})", path)
        return _youtube(match.group(1), query) if match else None
    if host in ("vimeo.com", "www.vimeo.com", "player.vimeo.com"):
        match = _VIMEO_PATH.match(path)
        if match is None:
            return None
        return _vimeo(match.group(1), match.group(2) or (query.get("h") or [""])[0])
    if host in ("dailymotion.com", "www.dailymotion.com", "geo.dailymotion.com", "dai.ly"):
        if host == "dai.ly":
            match = re.match(rf"^/({_ID})", path)
        elif host == "geo.dailymotion.com":
            video = (query.get("video") or [""])[0]
            return _dailymotion(video) if re.fullmatch(_ID, video) else None
        else:
            match = _DAILYMOTION_PATH.match(path)
        return _dailymotion(match.group(1)) if match else None
    if host in ("twitter.com", "www.twitter.com", "x.com", "www.x.com", "mobile.twitter.com"):
        match = _TWEET_PATH.match(path)
        return _tweet(match.group(0), match.group(1)) if match else None
    if host == "platform.twitter.com" and path.startswith("/embed/Tweet.html"):
        tweet_id = (query.get("id") or [""])[0]
        return _tweet(f"/i/status/{tweet_id}", tweet_id) if tweet_id.isdigit() else None
    if host in _FACEBOOK_HOSTS:
        if path.startswith("/plugins/"):
            inner = (query.get("href") or [""])[0]
            inner_host = (urlsplit(inner).hostname or "").lower() if inner else ""
            return _facebook(inner) if inner_host in _FACEBOOK_HOSTS else None
        return _facebook(
            f"https://www.facebook.com{path}" + (f"?{parts.query}" if parts.query else "")
        )
    if host in ("instagram.com", "www.instagram.com"):
        match = _INSTAGRAM_PATH.match(path)
        return _instagram(match.group(1), match.group(2)) if match else None
    if host in ("t.me", "telegram.me"):
        match = _TELEGRAM_PATH.match(path)
        return _telegram(match.group(1), match.group(2)) if match else None
    match = _PEERTUBE_PATH.match(path)
    if match and host:
        return _peertube(host, match.group(1))
    return None


def generic(src: str) -> Embed | None:
    """An iframe of a service this module does not know: shown from *src* as it is."""
    try:
        parts = urlsplit(src.strip())
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or not host:
        return None
    return Embed(service=host, kind=POST, embed_url=src.strip(), page_url=src.strip(), host=host)

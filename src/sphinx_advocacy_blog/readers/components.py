"""What MDX components that are no container become: images, embeds (pure functions).

:func:`render_embed` is the one place that decides how an embedded tweet or video looks
in a post: the player of a known service (which the page turns into a click-to-load
facade), else a link.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from markupsafe import Markup

from ..model.embeds import recognize
from .jsx import JsxTag

#: Components rendered by the extension itself.
BUILT_IN_COMPONENTS = frozenset(
    {"Tabs", "TabItem", "Details", "Admonition", "CodeBlock", "Link", "Image", "IdealImage"}
    | {"Tweet", "LiteYouTubeEmbed", "YouTube", "ReactPlayer"}
)
#: The value of ``blog_mdx_components`` that keeps a component's children only.
CHILDREN_ONLY = "children"
IMAGE_ROLE = "blog-image"

#: Components shown as a link to what they embed.
EMBEDS = {"Tweet", "LiteYouTubeEmbed", "YouTube", "ReactPlayer"}
#: Components that are images.
IMAGES = {"img", "Image", "IdealImage"}


def render_embed(url: str, title: str) -> str:
    """How an embedded tweet or video is shown, as one line of the MyST text.

    A video or post of a service the blog knows (``model/embeds``) becomes a raw
    ``<iframe>`` of its player: the page's embeds (``media/embeds``) turn it into a
    click-to-load facade with a link to the service, or keep it with ``blog_remote_media``.
    Anything else is a plain link. Attribute values are escaped by ``markupsafe``.
    """
    embed = recognize(url)
    if embed is not None:
        return str(
            Markup('<iframe src="{}" title="{}" loading="lazy" allowfullscreen></iframe>').format(
                embed.embed_url, title or embed.service
            )
        )
    text = (title or url).replace("[", "(").replace("]", ")")
    return f"[{text}]({url.replace(' ', '%20').replace(')', '%29')})"


def embed_url(tag: JsxTag) -> str:
    """The page an embed component or iframe shows, ``""`` if unknown."""
    if tag.name == "Tweet":
        tweet = tag.text("id")
        return f"https://twitter.com/i/status/{tweet}" if tweet.isdigit() else ""
    if tag.name in ("LiteYouTubeEmbed", "YouTube"):
        video = tag.text("id") or tag.text("videoId")
        return f"https://www.youtube.com/watch?v={video}" if re.fullmatch(r"[\w-]+", video) else ""
    url = tag.text("src") or tag.text("url")
    if url.startswith("//"):
        url = "https:" + url
    match = re.match(r"https?://(?:www\.)?youtube(?:-nocookie)?\.com/embed/([\w-]+)", url)
    if match:
        return f"https://www.youtube.com/watch?v={match.group(1)}"
    return url if url.startswith(("https://", "http://")) else ""


def image_role(tag: JsxTag) -> str:
    """``<img src={require('./x.png').default} alt="x" width="400"/>`` as the image role."""
    parts = []
    for name in ("src", "alt", "width", "height", "title"):
        value = tag.text("img" if name == "src" and not tag.text("src") else name)
        value = value.replace("`", "'").replace('"', "'")
        if value:
            parts.append(f'{name}="{value}"')
    return f"{{{IMAGE_ROLE}}}`{' '.join(parts)}`" if parts and parts[0].startswith("src") else ""


_IMAGE_FILE = re.compile(r"\.(?:png|jpe?g|gif|svg|webp|avif)(?:[?#].*)?$", re.IGNORECASE)


def component_image(tag: JsxTag) -> str:
    """What is left of an unknown self-closing component (``<Screenshot src="/img/x.png"
    alt="..." />``): its image, when its ``src`` names an image file; else nothing."""
    source = tag.text("src")
    return image_role(tag) if source and _IMAGE_FILE.search(source) else ""


#: ``import pic from './pic.png'``: an image the post's JSX names ``{pic}``.
_IMAGE_IMPORT = re.compile(
    r"""^\s*import\s+([A-Za-z_$][\w$]*)\s+from\s+['"]([^'"]+\."""
    r"""(?:png|jpe?g|gif|svg|webp|avif))['"]""",
    re.IGNORECASE,
)


def imported_images(lines: Iterable[str]) -> dict[str, str]:
    """The images an ``import`` statement names: ``{"pic": "./pic.png"}``."""
    found = (_IMAGE_IMPORT.match(line) for line in lines)
    return {match[1]: match[2] for match in found if match}


def with_imported_images(line: str, images: Mapping[str, str]) -> str:
    """``src={pic}`` of an imported image as the ``require()`` the image role reads."""
    names = "|".join(re.escape(name) for name in images)
    return re.sub(
        rf"=\{{\s*({names})\s*\}}",
        lambda match: f"={{require('{images[match[1]]}').default}}",
        line,
    )


def tab_labels(values: str) -> dict[str, str]:
    """``<Tabs values={[{label: 'npm', value: 'npm'}, ...]}>``: tab value -> label."""
    labels: dict[str, str] = {}
    for label, value in re.findall(
        r"label:\s*['\"]([^'\"]*)['\"]\s*,\s*value:\s*['\"]([^'\"]*)['\"]", values
    ):
        labels[value] = label
    for value, label in re.findall(
        r"value:\s*['\"]([^'\"]*)['\"]\s*,\s*label:\s*['\"]([^'\"]*)['\"]", values
    ):
        labels[value] = label
    return labels

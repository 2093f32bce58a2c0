/* sphinx-advocacy-blog: small progressive behaviours; every page works without them.
   - An embed's facade (.blog-embed) loads its player only when the reader clicks it.
   - "Copy link" (.blog-share-copy) copies the post's address. */
(function () {
  "use strict";
  function play(event) {
    var box = event.currentTarget.closest(".blog-embed");
    if (!box || !box.dataset.embedSrc) return;
    event.preventDefault();
    var src = box.dataset.embedSrc;
    if (box.dataset.embedAutoplay) {
      src += (src.indexOf("?") < 0 ? "?" : "&") + box.dataset.embedAutoplay;
    }
    var frame = document.createElement("iframe");
    frame.className = "blog-embed-frame";
    frame.src = src;
    frame.title = box.dataset.embedTitle || "";
    frame.allow = "autoplay; encrypted-media; fullscreen; picture-in-picture";
    frame.setAttribute("allowfullscreen", "");
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    event.currentTarget.replaceWith(frame);
    box.classList.add("blog-embed-loaded");
    frame.focus();
  }
  function copy(event) {
    var button = event.currentTarget;
    if (!navigator.clipboard) return;
    event.preventDefault();
    navigator.clipboard.writeText(button.dataset.url || button.href).then(function () {
      var label = button.querySelector(".blog-share-label");
      if (!label) return;
      var before = label.textContent;
      label.textContent = button.dataset.copied || before;
      setTimeout(function () { label.textContent = before; }, 2000);
    });
  }
  var SERVER_KEY = "advocacy-blog-mastodon-server";
  function mastodonPage() {
    var form = document.querySelector(".blog-mastodon-share");
    if (!form) return;
    form.elements.text.value = new URLSearchParams(location.search).get("text") || "";
    try { form.elements.server.value = localStorage.getItem(SERVER_KEY) || ""; } catch (e) {}
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var server = form.elements.server.value.trim()
        .replace(/^[a-z]+:\/\//i, "").replace(/[\/?#].*$/, "").replace(/^.*@/, "");
      if (!server) return;
      try { localStorage.setItem(SERVER_KEY, server); } catch (e) {}
      location.href = "https://" + server + "/share?text=" + encodeURIComponent(form.elements.text.value);
    });
  }
  function ready() {
    mastodonPage();
    document.querySelectorAll(".blog-embed[data-embed-src] .blog-embed-open").forEach(function (link) {
      link.addEventListener("click", play);
    });
    document.querySelectorAll(".blog-share-copy").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", copy);
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();

/* sphinx-book-theme 1.4 (with pydata-sphinx-theme 0.20): the theme listens to the first
   menu button of the page only, the header's, which the book theme hides; the visible one
   opens nothing on phones (pydata-sphinx-theme#2451). Its clicks are passed on to the
   header's. Loaded only with the versions that have the bug. */
document.addEventListener("click", function (event) {
  var shown = event.target.closest(".bd-header-article .primary-toggle");
  var listened = document.querySelector(".primary-toggle");
  if (shown && listened && listened !== shown) {
    listened.click();
  }
});

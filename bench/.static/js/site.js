// Progressive enhancement only: every feature works without this file.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // Collapsible main menu on small screens.
  document.querySelectorAll("[data-menu]").forEach(function (nav) {
    var toggle = nav.querySelector("[data-menu-toggle]");
    if (!toggle) return;
    toggle.hidden = false;
    nav.setAttribute("data-open", "false");
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", String(open));
      nav.setAttribute("data-open", String(open));
    });
    nav.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
        toggle.click();
        toggle.focus();
      }
    });
  });

  // Videos: load the provider's player only when the visitor asks for it.
  document.querySelectorAll("[data-video]").forEach(function (figure) {
    var url = figure.getAttribute("data-embed-url");
    var consent = figure.querySelector("[data-video-consent]");
    var button = figure.querySelector("[data-video-play]");
    if (!url || !consent || !button) return;
    consent.hidden = false;
    button.addEventListener("click", function () {
      var iframe = document.createElement("iframe");
      iframe.src = url + (url.indexOf("?") === -1 ? "?" : "&") + "autoplay=1";
      iframe.title = figure.getAttribute("data-title") || "";
      iframe.allow = "autoplay; fullscreen; picture-in-picture";
      iframe.setAttribute("allowfullscreen", "");
      iframe.loading = "lazy";
      var placeholder = figure.querySelector(".video__placeholder");
      placeholder.replaceWith(iframe);
      iframe.focus();
    });
  });
})();

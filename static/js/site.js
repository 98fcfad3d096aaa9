// Progressive enhancement only: every feature works without this file.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // Menu groups are <details>: the browser opens and closes them. Close an open one on Escape
  // or a click elsewhere, as a visitor expects of a drop-down.
  var groups = document.querySelectorAll("[data-menu-group]");
  function closeGroups(except) {
    groups.forEach(function (group) {
      if (group !== except) group.open = false;
    });
  }
  groups.forEach(function (group) {
    group.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && group.open) {
        group.open = false;
        group.querySelector("summary").focus();
      }
    });
  });
  document.addEventListener("click", function (event) {
    closeGroups(event.target.closest ? event.target.closest("[data-menu-group]") : null);
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

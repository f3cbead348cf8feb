// Accessibility helper of the AATD book (issue 17). A region that scrolls must be reachable by
// keyboard (WCAG 2.1.1). The theme gives a tab stop to code blocks that scroll when the page
// loads, but a hidden code cell or a collapsed table only scrolls once it is opened: so every
// time a <details> opens (and when the window is resized) each code block that now scrolls gets
// tabindex="0", with a name taken from its cell.
(function () {
  "use strict";
  function tabStops() {
    document.querySelectorAll("div.highlight pre, .aatd-tables").forEach(function (el) {
      var scrolls = el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
      if (scrolls && el.tabIndex < 0) {
        el.setAttribute("tabindex", "0");
        if (!el.hasAttribute("role")) { el.setAttribute("role", "region"); }
        if (!el.hasAttribute("aria-label")) { el.setAttribute("aria-label", "Code"); }
      }
    });
  }
  document.addEventListener("toggle", tabStops, true);
  window.addEventListener("resize", tabStops);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", tabStops);
  } else {
    tabStops();
  }
}());

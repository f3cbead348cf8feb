// Accessibility helper of the AATD book (issue 17). A region that scrolls must be reachable by
// keyboard (WCAG 2.1.1). The theme gives a tab stop to code blocks that scroll when the page
// loads, but a code block in a hidden cell or a closed solution only scrolls once it is opened
// (and a window can be resized): so each code block and explorer table is watched, and whenever
// its size changes and it now scrolls, it gets tabindex="0".
(function () {
  "use strict";
  function tabStop(el) {
    var scrolls = el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
    if (scrolls && el.tabIndex < 0) {
      el.setAttribute("tabindex", "0");
    }
  }
  function watch() {
    var els = document.querySelectorAll("div.highlight pre, .aatd-tables");
    if (typeof ResizeObserver === "undefined") {
      els.forEach(tabStop);
      return;
    }
    var ro = new ResizeObserver(function (entries) {
      entries.forEach(function (entry) { tabStop(entry.target); });
    });
    els.forEach(function (el) { ro.observe(el); });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", watch);
  } else {
    watch();
  }
}());

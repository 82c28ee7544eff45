// The theme's script runs the theme's search (and its tooltips). It is 114 KB, and once running
// it downloads the whole search index, which grows with every area, so a reader who never
// searches should not wait or pay for it. Where a page has the theme's search, the script is
// fetched here the first time the reader opens it (the search button, the search field, or the
// theme's keys / s f), with the few styles only it needs. The site's own search (Pagefind, on
// the search page) needs none of it: on pages without the theme's search nothing is fetched and
// no key is taken. Without JavaScript the theme's search is hidden, as the theme does.
(function () {
  "use strict";
  var me = document.currentScript;
  var started = false;
  var toggle = document.getElementById("__search");

  function field() { return document.querySelector("[data-md-component=search-query]"); }

  function start() {
    if (started) { return; }
    started = true;
    // Styles go straight after the theme's, before the site's own, so the cascade is as it was.
    var sheets = document.querySelectorAll('link[rel=stylesheet][href*="assets/stylesheets/"]');
    var styles = document.createElement("link");
    styles.rel = "stylesheet";
    styles.href = me.getAttribute("data-theme-styles");
    if (sheets.length) {
      sheets[sheets.length - 1].after(styles);
    } else {
      document.head.appendChild(styles);
    }
    var script = document.createElement("script");
    script.src = me.getAttribute("data-theme-script");
    script.onload = function () {
      // The theme starts when the document is ready; that moment has passed, so say it again.
      document.dispatchEvent(new Event("DOMContentLoaded"));
      var input = field();
      if (toggle && toggle.checked && input) {
        input.focus();
        if (input.value) {
          input.dispatchEvent(new Event("input", { bubbles: true }));
          input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
        }
      }
    };
    document.body.appendChild(script);
  }

  // What the theme's script did at once for every page: a code block that scrolls sideways
  // takes keyboard focus, so it can be scrolled without a mouse.
  document.querySelectorAll("pre > code").forEach(function (code) {
    if (code.scrollWidth > code.clientWidth && !code.hasAttribute("tabindex")) {
      code.setAttribute("tabindex", "0");
    }
  });

  // Opening search puts the cursor in the field straight away, as the theme does, so what the
  // reader types while the theme's script is still on its way is kept and searched for.
  if (!document.querySelector("[data-md-component=search]")) { return; }  // no theme search here
  if (toggle) {
    toggle.addEventListener("change", function () {
      var input = field();
      if (toggle.checked && input) { input.focus(); }
      start();
    });
  }
  document.addEventListener("focusin", function (event) {
    if (event.target.closest && event.target.closest("[data-md-component=search]")) { start(); }
  });
  // The theme's keys for search, when no field has focus: open it as the theme would.
  document.addEventListener("keydown", function (event) {
    if (started || event.ctrlKey || event.altKey || event.metaKey) { return; }
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName))) { return; }
    if (event.key === "/" || event.key === "s" || event.key === "f") {
      event.preventDefault();
      if (toggle) { toggle.checked = true; }
      var input = field();
      if (input) { input.focus(); }
      start();
    }
  });
})();

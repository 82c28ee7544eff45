// The theme's storage helpers, as a file rather than the inline script the theme writes, so the
// content security policy can refuse every inline script. They keep state in sessionStorage,
// which the browser clears when the tab closes: nothing the site stores outlives the visit.
// The site's root is two folders above this file (assets/javascripts/).
(function () {
  // The theme marks a page that runs scripts (class "js") when its own script starts; that
  // script now loads on demand (theme-on-demand.js), so the mark is set here, in <head>, before
  // the first paint: the search button shows at once and nothing moves later.
  document.documentElement.classList.remove("no-js");
  document.documentElement.classList.add("js");
  var scope = new URL("../..", document.currentScript.src);
  var store = function () {
    try { return window.sessionStorage; } catch (e) { return null; }
  };
  window.__md_scope = scope;
  window.__md_hash = function (text) {
    return Array.prototype.reduce.call(text, function (hash, ch) {
      return (hash << 5) - hash + ch.charCodeAt(0);
    }, 0);
  };
  window.__md_get = function (key, storage, base) {
    storage = storage || store();
    base = base || scope;
    if (!storage) return null;
    try { return JSON.parse(storage.getItem(base.pathname + "." + key)); } catch (e) { return null; }
  };
  window.__md_set = function (key, value, storage, base) {
    storage = storage || store();
    base = base || scope;
    if (!storage) return;
    try { storage.setItem(base.pathname + "." + key, JSON.stringify(value)); } catch (e) { /* full or refused */ }
  };
})();

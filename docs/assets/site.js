/* hsb-signpost: quick exit, one history entry for the site, the area filter, a history-aware
   Back link and a name for the search dialog.
   Everything here is an enhancement: each control works as a plain link without JavaScript. */
(function () {
  "use strict";

  var exitBox = document.querySelector("[data-hsb-history]");
  // extra.one_history_entry in mkdocs.yml (on unless set to false): see "One history entry".
  var oneEntry = !!exitBox && exitBox.getAttribute("data-hsb-history") === "one";

  /* ---- Exit this page ------------------------------------------------------------------ */
  // Leave at once for a neutral site. location.replace swaps this page out of the history; with
  // one history entry for the whole site that was the site's only entry, so Back leads to
  // whatever the tab showed before the site (the GOV.UK component uses a plain navigation).
  function exitPage(url) {
    document.documentElement.classList.add("hsb-exiting");  // hide the content straight away
    document.title = "Loading";
    window.location.replace(url);
  }

  var exitLinks = document.querySelectorAll("[data-hsb-exit]");
  var exitUrl = exitLinks.length ? exitLinks[0].getAttribute("href") : null;
  exitLinks.forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      exitPage(link.getAttribute("href"));
    });
    // A role=button link should also answer the space bar, as buttons do.
    link.addEventListener("keydown", function (event) {
      if (event.key === " " && link.getAttribute("role") === "button") {
        event.preventDefault();
        exitPage(link.getAttribute("href"));
      }
    });
  });

  // Shift pressed three times on its own within 5 seconds also exits. A Shift used with
  // another key (typing a capital letter) resets the count. Each press lights one of three
  // dots on the button (as GOV.UK's Exit this page does) and is announced in a live region.
  var status = document.querySelector("[data-hsb-exit-status]");
  var count = document.querySelector("[data-hsb-exit-count]");
  var presses = 0, shiftAlone = false, timer = null;
  function announce(text) { if (status) { status.textContent = text; } }
  function show(n) {
    if (!count) { return; }
    count.hidden = n === 0;
    count.setAttribute("data-presses", String(n));
    count.setAttribute("title", n ? "Shift pressed " + n + " of 3 times" : "");
  }
  function reset(expired) {
    if (presses > 0 && expired) { announce("Exit this page expired."); }
    presses = 0;
    show(0);
    clearTimeout(timer);
    timer = null;
  }
  if (exitUrl) {
    document.addEventListener("keydown", function (event) {
      if (event.key === "Shift") {
        // Ctrl+Shift and Alt+Shift switch keyboard layouts: they are not a press on its own.
        shiftAlone = !event.repeat && !event.ctrlKey && !event.altKey && !event.metaKey;
      } else {
        shiftAlone = false;
        if (presses) { reset(false); announce(""); }
      }
    }, true);
    document.addEventListener("keyup", function (event) {
      if (event.key !== "Shift" || !shiftAlone) { return; }
      shiftAlone = false;
      presses += 1;
      show(Math.min(presses, 3));
      if (presses === 1) {
        timer = setTimeout(function () { reset(true); }, 5000);
      }
      if (presses >= 3) {
        clearTimeout(timer);
        presses = 0;
        announce("Exiting this page.");
        exitPage(exitUrl);
      } else {
        var left = 3 - presses;
        announce("Shift, press " + left + " more time" + (left === 1 ? "" : "s") + " to exit.");
      }
    }, true);
  }
  // If the browser restores this page from its cache, show it again.
  window.addEventListener("pageshow", function () {
    document.documentElement.classList.remove("hsb-exiting");
    reset(false);
  });

  /* ---- One history entry ---------------------------------------------------------------- */
  // A parent may be reading on a shared phone. Moving between this site's pages replaces the
  // tab's current history entry instead of adding one, so the tab only ever holds one page of
  // the site, and Exit this page replaces that one: Back then leads away from the site. The
  // site's own Back links and breadcrumbs are the way back inside it. Applies to every link to
  // a page of this site, the theme's navigation and search results included, and to forms that
  // send a GET request to the site (a search page, say); a new tab or window, a download, or a
  // link elsewhere is left to the browser.
  function sameSite(url) {
    return url.origin === window.location.origin && /^https?:$/.test(url.protocol);
  }
  function go(url) {
    window.location.replace(url.href);
  }
  if (oneEntry) {
    document.addEventListener("click", function (event) {
      if (event.defaultPrevented || event.button !== 0 ||
          event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) { return; }
      var link = event.target.closest ? event.target.closest("a[href]") : null;
      if (!link || link.hasAttribute("download") || link.hasAttribute("data-hsb-exit")) { return; }
      var target = (link.getAttribute("target") || "").toLowerCase();
      if (target && target !== "_self") { return; }
      var url;
      try { url = new URL(link.href, window.location.href); } catch (e) { return; }
      if (!sameSite(url)) { return; }
      event.preventDefault();
      go(url);  // a link to a place on this page too: a fragment change would add an entry
    });
    document.addEventListener("submit", function (event) {
      var form = event.target;
      if (event.defaultPrevented || (form.method || "get").toLowerCase() !== "get") { return; }
      if ((form.getAttribute("target") || "_self").toLowerCase() !== "_self") { return; }
      var url;
      try { url = new URL(form.action || window.location.href, window.location.href); } catch (e) { return; }
      if (!sameSite(url)) { return; }
      event.preventDefault();
      url.search = new URLSearchParams(new FormData(form)).toString();
      go(url);
    });
  }

  /* ---- Search dialog name ---------------------------------------------------------------- */
  // A dialog needs an accessible name (the theme's search dialog has none). Any dialog without
  // one takes the name of the search field inside it, or "Search". Generic on purpose: it
  // names whichever search control the site uses, as long as it is marked role="dialog".
  document.querySelectorAll("[role=dialog], [role=alertdialog], dialog").forEach(function (dialog) {
    if (dialog.hasAttribute("aria-label") || dialog.hasAttribute("aria-labelledby")) { return; }
    var field = dialog.querySelector("input[type=search], [role=search] input, input");
    var name = field && (field.getAttribute("aria-label") || field.getAttribute("placeholder"));
    dialog.setAttribute("aria-label", name || "Search");
  });

  /* ---- Area filter ---------------------------------------------------------------------- */
  var index = document.querySelector("[data-hsb-area-index]");
  if (index) {
    var box = index.querySelector("[data-hsb-filter]");
    var input = index.querySelector("[data-hsb-filter-input]");
    var filterStatus = index.querySelector("[data-hsb-filter-status]");
    var rows = document.querySelectorAll("[data-hsb-area]");
    var none = index.querySelector("[data-hsb-filter-none]");
    box.hidden = false;
    input.addEventListener("input", function () {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row) {
        var text = row.getAttribute("data-hsb-area");
        var match = words.every(function (w) { return text.indexOf(w) !== -1; });
        row.hidden = !match;
        if (match && row.tagName === "LI") { shown += 1; }
      });
      index.querySelectorAll("[data-hsb-nation]").forEach(function (section) {
        section.hidden = !section.querySelector("li:not([hidden])");
      });
      filterStatus.textContent = !words.length ? "" : shown === 0
        ? "No area matches. Who to call instead is listed below."
        : shown + (shown === 1 ? " area matches." : " areas match.");
      if (none) { none.hidden = !(words.length && shown === 0); }
    });
  }

  /* ---- Printed contact sheets ---------------------------------------------------------- */
  // A printed sheet says where it came from and when, so a reader can tell how old it is.
  var printDate = document.querySelector("[data-hsb-print-date]");
  var pageAddress = document.querySelector("[data-hsb-page-address]");
  function stampSheet() {
    if (printDate) {
      printDate.textContent = new Date().toLocaleDateString("en-GB", {day: "numeric", month: "long", year: "numeric"});
    }
    if (pageAddress && /^https?:$/.test(window.location.protocol)) {
      pageAddress.textContent = window.location.origin + window.location.pathname;
    }
  }
  if (printDate || pageAddress) {
    stampSheet();
    window.addEventListener("beforeprint", stampSheet);
  }

  /* ---- Pathway Back link ---------------------------------------------------------------- */
  // Without JavaScript, Back goes to the previous step on the shortest route. With it, Back
  // returns to the page the reader actually came from when that was a step of this pathway.
  // With one history entry there is no history to go back through: the link (to the step's
  // only parent) is already the way this reader came.
  var back = document.querySelector("[data-hsb-back]");
  if (back && document.referrer && !oneEntry) {
    try {
      var from = new URL(document.referrer);
      var pathway = new URL(back.href).pathname.replace(/[^/]+\/$/, "");
      if (from.origin === window.location.origin && from.pathname.indexOf(pathway) === 0 &&
          from.pathname !== window.location.pathname) {
        back.addEventListener("click", function (event) {
          event.preventDefault();
          window.history.back();
        });
      }
    } catch (e) { /* leave the plain link */ }
  }
})();

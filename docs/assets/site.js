/* hsb-signpost: quick exit, the area filter and a history-aware Back link.
   Everything here is an enhancement: each control works as a plain link without JavaScript. */
(function () {
  "use strict";

  /* ---- Exit this page ------------------------------------------------------------------ */
  // Leave at once for a neutral site. location.replace swaps this page out of the history, so
  // pressing Back does not bring it back (the GOV.UK component uses a plain navigation).
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
  // another key (typing a capital letter) resets the count.
  var status = document.querySelector("[data-hsb-exit-status]");
  var presses = 0, shiftAlone = false, timer = null;
  function announce(text) { if (status) { status.textContent = text; } }
  function reset(expired) {
    if (presses > 0 && expired) { announce("Exit this page expired."); }
    presses = 0;
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
      if (presses === 1) {
        timer = setTimeout(function () { reset(true); }, 5000);
      }
      if (presses >= 3) {
        reset(false);
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
  var back = document.querySelector("[data-hsb-back]");
  if (back && document.referrer) {
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

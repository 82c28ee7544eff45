/* hsb-signpost: quick exit, one history entry for the site, the area filter, a pathway's
   Back link and answers from the reader's own route, and a name for the search dialog.
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
    // Forget the answers kept for this tab's pathway summary: nothing stays for the next reader.
    try { window.sessionStorage.clear(); } catch (e) { /* storage blocked: nothing kept */ }
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
  // The words come from the page's interface catalogue (interface/<language>.yml), so a Welsh
  // page announces in Welsh; {n} stands for the number.
  var exitBox = document.querySelector(".hsb-exit");
  function words(name, n) {
    var text = (exitBox && exitBox.getAttribute("data-hsb-say-" + name)) || "";
    return text.replace("{n}", String(n));
  }
  function announce(text) { if (status) { status.textContent = text; } }
  function show(n) {
    if (!count) { return; }
    count.hidden = n === 0;
    count.setAttribute("data-presses", String(n));
    count.setAttribute("title", n ? words("count", n) : "");
  }
  function reset(expired) {
    if (presses > 0 && expired) { announce(words("expired")); }
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
        announce(words("exiting"));
        exitPage(exitUrl);
      } else {
        var left = 3 - presses;
        announce(words(left === 1 ? "left-one" : "left-other", left));
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
      // The words come from the catalogue (interface/<language>.yml), on the filter's box.
      var say = function (name) { return box.getAttribute("data-hsb-say-" + name) || ""; };
      filterStatus.textContent = !words.length ? "" : shown === 0
        ? say("none")
        : say(shown === 1 ? "found-one" : "found-other").replace("{n}", String(shown));
      if (none) { none.hidden = !(words.length && shown === 0); }
    });
  }

  /* ---- Printed contact sheets ---------------------------------------------------------- */
  // A printed sheet says where it came from and when, so a reader can tell how old it is.
  var printDate = document.querySelector("[data-hsb-print-date]");
  var pageAddress = document.querySelector("[data-hsb-page-address]");
  function stampSheet() {
    if (printDate) {
      // "3 March 2026", its month named in the page's language (the interface catalogue's
      // names, on the element: a browser may have no Welsh of its own).
      var months = (printDate.getAttribute("data-hsb-months") || "").split(" ");
      var today = new Date();
      printDate.textContent = today.getDate() + " " + (months[today.getMonth()] || "") + " " + today.getFullYear();
    }
    if (pageAddress && /^https?:$/.test(window.location.protocol)) {
      pageAddress.textContent = window.location.origin + window.location.pathname;
    }
  }
  if (printDate || pageAddress) {
    stampSheet();
    window.addEventListener("beforeprint", stampSheet);
  }

  /* ---- Report a problem ---------------------------------------------------------------- */
  // A report page's links are written with two tokens (signpost.render.report). Without
  // JavaScript they hold what the page knows (the area's file); here they get the page and
  // record the reader came from, named in the address's query, but only values of the right
  // form that belong to this report page's area, so a crafted link cannot put other text in.
  var report = document.querySelector("[data-hsb-report]");
  function reportValues(box) {
    var query = new URLSearchParams(window.location.search);
    var page = query.get("page");
    var record = query.get("record");
    var scopePage = box.getAttribute("data-hsb-report-scope-page") || "";
    var scopeRecord = box.getAttribute("data-hsb-report-scope-record") || "";
    if (page === null || !/^[A-Za-z0-9._~\/-]*$/.test(page) || page.indexOf("..") !== -1 ||
        page.charAt(0) === "/" || page.indexOf(scopePage) !== 0) { return null; }
    var recordScope = scopeRecord.slice(-1) === "/" ? scopeRecord : scopeRecord + "#";
    var recordFits = record !== null && /^[A-Za-z0-9._\/#-]+$/.test(record) &&
      (record === scopeRecord || record.indexOf(recordScope) === 0);
    var root = new URL(box.getAttribute("data-hsb-report-root") || "./", window.location.href);
    return {page: new URL(page, root).href,
            record: recordFits ? record : box.getAttribute("data-hsb-report-record-default")};
  }
  if (report) {
    var values = reportValues(report);
    if (values) {
      var shownPage = report.querySelector("[data-hsb-report-page]");
      var shownRecord = report.querySelector("[data-hsb-report-record]");
      if (shownPage) { shownPage.textContent = values.page; }
      if (shownRecord) { shownRecord.textContent = values.record; }
      report.querySelectorAll("[data-hsb-report-href]").forEach(function (link) {
        link.href = link.getAttribute("data-hsb-report-href")
          .split("HSB-PAGE").join(encodeURIComponent(values.page))
          .split("HSB-RECORD").join(encodeURIComponent(values.record));
      });
    }
  }

  /* ---- Pathway: the reader's own route ------------------------------------------------- */
  // A static page reached by several routes cannot know the reader's answers, so it shows
  // none. Here the links this reader followed in this tab are kept in sessionStorage (gone
  // when the tab closes; no cookies) and the page lists the answers they actually gave.
  var pathwayPage = document.querySelector("[data-hsb-pathway]");
  if (pathwayPage) { trackRoute(pathwayPage); }

  function trackRoute(root) {
    var here = window.location.pathname;
    var pathwayPath = new URL(root.getAttribute("data-hsb-pathway"), window.location.href).pathname;
    var startPath = new URL(root.getAttribute("data-hsb-start"), window.location.href).pathname;
    var key = "hsb-route:" + pathwayPath;
    var trail = [];
    try {
      trail = JSON.parse(window.sessionStorage.getItem(key) || "[]");
      if (!Array.isArray(trail)) { trail = []; }
    } catch (e) { return; }  // storage blocked: keep the static page as it is

    // Keep the trail only if it leads to this page; going Back cuts it at this page.
    var at = -1;
    for (var i = trail.length - 1; i >= 0; i -= 1) {
      if (trail[i] && trail[i].to === here) { at = i; break; }
    }
    var known;
    if (here === startPath) { trail = []; known = true; }
    else if (at >= 0) { trail = trail.slice(0, at + 1); known = true; }
    else { trail = []; known = false; }  // arrived some other way: the route is not known
    save();

    // Written only once the reader follows a link in the pathway; an empty trail is removed.
    function save() {
      try {
        if (trail.length) { window.sessionStorage.setItem(key, JSON.stringify(trail)); }
        else { window.sessionStorage.removeItem(key); }
      } catch (e) { /* storage full or blocked: the static page stands */ }
    }

    // Record each answer or Continue as it is followed.
    root.querySelectorAll("[data-hsb-answer], [data-hsb-continue]").forEach(function (link) {
      link.addEventListener("click", function () {
        var to = new URL(link.getAttribute("href"), window.location.href).pathname;
        trail.push({from: here, to: to, question: link.getAttribute("data-hsb-question") || "",
                    answer: link.getAttribute("data-hsb-answer")});
        if (!known && here !== startPath) { trail = trail.slice(-1); trail[0].partial = true; }
        save();
      });
    });

    if (!known) { return; }
    // A trail that began part-way (the reader arrived from elsewhere) leaves the page's own,
    // static list as it is: it lists only answers that every route here has given.
    var partial = trail.length > 0 && trail[0].partial;
    var answers = trail.filter(function (step) { return step.answer; });
    var section = root.querySelector("[data-hsb-answers]");
    if (section && !partial) {
      var list = section.querySelector("ol");
      list.textContent = "";
      answers.forEach(function (step) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = step.from;
        link.textContent = step.question;
        var strong = document.createElement("strong");
        strong.textContent = step.answer;
        item.appendChild(link);
        item.appendChild(document.createTextNode(" "));
        item.appendChild(strong);
        list.appendChild(item);
      });
      section.querySelector("h2").textContent = section.getAttribute("data-hsb-say-taken") || "";
      section.hidden = answers.length === 0;
    }

    // Back: where this reader came from, when several pages lead here.
    var previous = trail.length ? trail[trail.length - 1].from : null;
    var many = root.querySelectorAll("[data-hsb-back-many]");
    if (previous && many.length) {
      var nav = many[0].parentNode;
      many.forEach(function (el) { el.remove(); });
      var back = document.createElement("a");
      back.className = "hsb-back";
      back.href = previous;
      back.textContent = nav.getAttribute("aria-label");  // "Back" in the page's language
      nav.appendChild(back);
    }
    // Back is a plain link to that page (with one history entry for the site there is no
    // history to go back through); arriving there cuts the trail back to it.
    var single = root.querySelector("[data-hsb-back]");
    if (single && previous) { single.href = previous; }
  }
})();

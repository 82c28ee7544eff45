/* hsb-signpost: the site search (docs/search.md), with Pagefind's index of the built site.
   Loaded only on the search page. Without JavaScript the page shows plain links instead.
   - Readers' words: numbers match with or without spaces and in +44 form; an abbreviation
     from the glossary also searches for its full term and back (search/words.json, written by
     the build); pages found by several searches rank first. How parents put things
     (services/search-synonyms.yml) is in the index itself, with the pages that answer it; a
     query holding one of those phrases also searches that phrase within the pages that answer
     it (the index's "answers" filter; entries in search/words.json) and ranks them first.
   - Nothing is kept: no query in the address, the history or any storage; the field does not
     autocomplete. Results are plain links, so site.js opens them in the same history entry.
   - Pagefind's code and index come from this site only; its WebAssembly is why the page's
     policy allows 'wasm-unsafe-eval' (overrides/main.html). */
(function () {
  "use strict";

  var box = document.querySelector("[data-hsb-search]");
  if (!box) { return; }
  var form = box.querySelector("[data-hsb-search-form]");
  var input = box.querySelector("input");
  var status = box.querySelector("[data-hsb-search-status]");
  var list = box.querySelector("[data-hsb-search-results]");
  var more = box.querySelector("[data-hsb-search-more]");
  box.querySelector("[data-hsb-search-nojs]").hidden = true;
  form.hidden = false;

  var SHOWN = 5;             // results shown at first (each loads its excerpt); "Show more" adds as many again
  var MAX_SEARCHES = 4;      // searches one query may make, with abbreviations and full terms
  // The page's words come from its interface catalogue (interface/<language>.yml), on the box:
  // the messages, and the words of its language not worth a look-up in the index.
  function say(name) { return box.getAttribute("data-hsb-say-" + name) || ""; }
  var STOP = say("stop").split(" ");

  var ready = null;
  function load() {
    if (!ready) {
      var base = new URL(box.getAttribute("data-pagefind"), window.location.href).href;
      var words = fetch(box.getAttribute("data-words"), {credentials: "same-origin"})
        .then(function (r) { return r.ok ? r.json() : {synonyms: []}; })
        .catch(function () { return {synonyms: []}; });
      var engine = import(base + "pagefind.js").then(function (pagefind) {
        return pagefind.options({noWorker: true, excerptLength: 24}).then(function () {
          return pagefind.init();
        }).then(function () { return pagefind; });
      });
      ready = Promise.all([engine, words]);
    }
    return ready;
  }

  // "+44 (0)1225 396 313", "01225 396313" and "01225-396313" all become 01225396313, the form
  // the build indexes beside each number as shown.
  function normalise(text) {
    return text.toLowerCase()
      .replace(/[\u2018\u2019]/g, "'")
      .replace(/(?:\+|\b00)\s*44\s*(?:\(\s*0\s*\)\s*)?(?=\d)/g, "0")
      .replace(/\d[\d\s()-]{4,}\d/g, function (run) {
        var digits = run.replace(/\D/g, "");
        return digits.length >= 6 ? digits : run;
      })
      .replace(/'s\b/g, "")
      .replace(/\s+/g, " ")
      .trim();
  }

  function escapeRegExp(text) { return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }
  function contains(query, phrase) {
    return new RegExp("(^|[^a-z0-9])" + escapeRegExp(phrase) + "($|[^a-z0-9])").test(query);
  }

  // Words that say little on their own: left out of what is sent to the index, so a search
  // downloads only the index parts for the words that matter.
  function meaningful(text) {
    var words = text.split(" ").filter(function (w) { return w && STOP.indexOf(w) === -1; });
    return words.length ? words.join(" ") : text;
  }

  // The searches one query makes: its own words, and for each abbreviation or full term in it,
  // the other.
  function searchesFor(query, words) {
    var out = [{text: meaningful(query), weight: 1}];
    (words.synonyms || []).forEach(function (pair) {
      var matched = pair[0].some(function (phrase) { return contains(query, phrase); });
      if (!matched) { return; }
      pair[1].forEach(function (says) {
        var text = meaningful(says);
        if (out.length < MAX_SEARCHES && !out.some(function (s) { return s.text === text; })) {
          out.push({text: text, weight: 1});
        }
      });
    });
    return out;
  }

  // For each entry of search-synonyms.yml whose phrase the query holds: that phrase and the
  // pages the entry names. (The look-up searches the phrase within those pages: a search with
  // no words would fetch every part of the index.)
  function answersFor(query, words) {
    var out = [];
    (words.answers || []).forEach(function (entry) {
      var phrase = entry[0].filter(function (p) { return contains(query, p); })[0];
      if (phrase) { out.push({text: meaningful(phrase), pages: entry[1]}); }
    });
    return out;
  }

  // A query that is one phone number (as normalise() leaves it: one run of digits) also looks
  // the number up among the pages with contact cards, so the card saying whose number it is
  // ranks above the steps that mention it.
  function cardsFor(query) {
    return /^\d{6,}$/.test(query) ? [{text: query, filters: {cards: "yes"}}] : [];
  }

  // The words of a query worth searching on their own, when the whole query finds nothing.
  function keywords(query) {
    return meaningful(query).split(" ").filter(function (w) { return w.length > 1 && STOP.indexOf(w) === -1; });
  }

  // Pages found by several searches rank first: each search's scores are scaled to its best
  // (a "flat" search, of the pages that answer a reader's phrase, gives each page its weight).
  function merge(found) {
    var pages = {};
    found.forEach(function (f) {
      var best = f.flat || !f.results.length ? 0 : f.results[0].score;
      f.results.forEach(function (r) {
        var page = pages[r.id] || (pages[r.id] = {result: r, score: 0});
        page.score += f.weight * (best ? r.score / best : 1);
      });
    });
    return Object.keys(pages).map(function (id) { return pages[id]; })
      .sort(function (a, b) { return b.score - a.score; });
  }

  // Pagefind's excerpt is HTML with <mark> round the words found: rebuilt as text and <mark>
  // elements, so nothing from the index is ever inserted as markup.
  function excerptNodes(html) {
    var doc = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html");
    var frag = document.createDocumentFragment();
    doc.body.firstChild.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        frag.appendChild(mark);
      } else {
        frag.appendChild(document.createTextNode(node.textContent));
      }
    });
    return frag;
  }

  function show(results, from) {
    var page = results.slice(from, from + SHOWN);
    return Promise.all(page.map(function (p) { return p.result.data(); })).then(function (data) {
      data.forEach(function (d) {
        var item = document.createElement("li");
        item.className = "hsb-search__result";
        var link = document.createElement("a");
        link.href = d.url;
        link.textContent = (d.meta && d.meta.title) || d.url;
        var heading = document.createElement("h2");
        heading.className = "hsb-search__title";
        heading.appendChild(link);
        item.appendChild(heading);
        if (d.meta && d.meta.context) {
          var context = document.createElement("p");
          context.className = "hsb-search__context";
          context.textContent = d.meta.context;
          item.appendChild(context);
        }
        var excerpt = document.createElement("p");
        excerpt.className = "hsb-search__excerpt";
        excerpt.appendChild(excerptNodes(d.excerpt || ""));
        item.appendChild(excerpt);
        list.appendChild(item);
      });
      more.hidden = results.length <= from + SHOWN;
      return data.length;
    });
  }

  var current = 0;       // the latest search; an older one that finishes late is dropped
  var results = [];
  function run() {
    var query = normalise(input.value);
    var mine = ++current;
    if (!query) {
      list.textContent = "";
      more.hidden = true;
      status.textContent = "";
      return Promise.resolve();
    }
    return load().then(function (loaded) {
      var pagefind = loaded[0], words = loaded[1];
      var searches = searchesFor(query, words);
      return Promise.all(searches.map(function (s) { return pagefind.search(s.text); }))
        .then(function (found) {
          found = found.map(function (f, i) { return {weight: searches[i].weight, results: f ? f.results : []}; });
          if (found.every(function (f) { return !f.results.length; })) {
            var alone = keywords(query);
            if (alone.length > 1) {
              return Promise.all(alone.map(function (w) { return pagefind.search(w); })).then(function (each) {
                return each.map(function (f) { return {weight: 0.5, results: f ? f.results : []}; });
              });
            }
          }
          return found;
        }).then(function (found) {
          // Each entry whose phrase the query holds adds as much as a best match to its pages,
          // and so does a number to the page whose contact cards give it.
          var lookups = answersFor(query, words).map(function (a) {
            return {text: a.text, filters: {answers: {any: a.pages}}};
          }).concat(cardsFor(query));
          return Promise.all(lookups.map(function (l) {
            return pagefind.search(l.text, {filters: l.filters});
          })).then(function (named) {
            return found.concat(named.map(function (f) { return {weight: 1, flat: true, results: f ? f.results : []}; }));
          });
        });
    }).then(function (found) {
      if (mine !== current) { return; }
      results = merge(found);
      list.textContent = "";
      return show(results, 0).then(function () {
        if (mine !== current) { return; }
        status.textContent = (results.length === 0 ? say("none") : say(results.length === 1 ? "found-one" : "found-other"))
          .replace("{n}", String(results.length)).replace("{query}", input.value.trim());
      });
    }).catch(function () {
      if (mine !== current) { return; }
      status.textContent = say("failed");
    });
  }

  var timer = null;
  input.addEventListener("focus", function () { load(); });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 200);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();  // the query never goes into the address or the history
    clearTimeout(timer);
    run();
  });
  more.addEventListener("click", function () {
    var first = list.children.length;
    show(results, first).then(function () {
      var next = list.children[first];
      if (next) { next.querySelector("a").focus(); }
    });
  });
})();

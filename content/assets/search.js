// The search page's results (content/search.njk). Classic script, like the index files it
// loads (words.js, index.js and a file per month, beside the page): they load from disk
// (file://) as from a web server. The query is the page's ?q=; results are made with DOM
// methods, never from HTML strings, so nothing in the index can become markup.
(function () {
  "use strict";
  var rules = window.strichkaSearchWords;
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var moreResults = document.getElementById("search-more-results");
  var input = document.getElementById("search-query");
  if (!rules || !status || !list || !input) return;

  /** [month, articles], newest first (index.js). */
  var months = window.strichkaSearchMonths || [];
  var loaded = {};
  var next = 0;
  /**
   * Months are loaded a batch at a time, newest first, in parallel: a batch is at least one
   * month and about this many articles (a newsroom's month can be 12,000 articles, a small
   * site's 50). Batches follow until there are enough results; «more» loads the next.
   */
  var BATCH_ARTICLES = 1500;
  var ENOUGH = 30;
  /** Results shown at first and added by «Показати ще»: a page of 800 results is slow to draw. */
  var PAGE = 50;
  var shown = PAGE;
  /** Time spent searching and drawing, month files' loading aside. */
  var working = 0;

  window.strichkaSearch = {
    shard: function (name, data) { loaded[name] = data; }
  };

  /** The query's words, and which search is current (a newer one makes older loads' answers moot). */
  var terms = [];
  var generation = 0;

  /** Words too common to require («ціни на світло» is about «ціни» and «світло»), unless the query has nothing else. */
  var COMMON = ["в", "у", "на", "і", "й", "та", "з", "із", "зі", "до", "за", "по", "від", "про", "для", "що", "як", "а", "але", "чи", "не", "це", "о", "об"];

  function termsOf(query) {
    var words = rules.words(query);
    var meaningful = words.filter(function (word) { return COMMON.indexOf(word) === -1; });
    return (meaningful.length > 0 ? meaningful : words).map(function (word) {
      var latin = !/[а-яіїєґ]/.test(word);
      return { word: word, stem: latin ? word : rules.stem(word), latin: latin };
    });
  }

  /** (Made once: a browser takes tens of milliseconds to make its first one.) */
  var pluralRules = null;
  function plural(count) {
    var forms = status.getAttribute("data-forms").split("|");
    var rule = (pluralRules = pluralRules || new Intl.PluralRules("uk")).select(count);
    return forms[rule === "one" ? 0 : rule === "few" ? 1 : 2];
  }

  /** Words' stems and stems' Latin spellings as met (marking the results stems each of their words). */
  var stemOfWord = new Map();
  var latinOfStem = new Map();
  function stemOf(word) {
    var stem = stemOfWord.get(word);
    if (stem === undefined) stemOfWord.set(word, (stem = rules.stem(word)));
    return stem;
  }
  function latinOf(stem) {
    var latin = latinOfStem.get(stem);
    if (latin === undefined) latinOfStem.set(stem, (latin = rules.latin(stem)));
    return latin;
  }

  /** Whether an indexed stem (`latin`: its Latin spelling) answers a term: the same stem, or one that starts with it (typing), or in Latin letters. */
  function matches(term, stem, latin) {
    if (term.latin) return latin.indexOf(term.word) === 0 || (stem.length >= 4 && term.word.indexOf(latin) === 0);
    return stem === term.stem || stem.indexOf(term.stem) === 0;
  }

  /** The articles of one month that have every term, with their scores. */
  function search(name) {
    var data = loaded[name];
    // A month's stems, and their Latin spellings when a Latin word is searched: made once a month.
    var stems = data.stems || (data.stems = Object.keys(data.words));
    var latins = null;
    var scores = null;
    for (var t = 0; t < terms.length; t++) {
      var found = {};
      if (terms[t].latin && !latins) latins = data.latins || (data.latins = stems.map(rules.latin));
      for (var s = 0; s < stems.length; s++) {
        if (!matches(terms[t], stems[s], latins && latins[s])) continue;
        var exact = stems[s] === terms[t].stem ? 2 : 1;
        var postings = data.words[stems[s]];
        for (var p = 0; p < postings.length; p++) {
          var doc = postings[p] >> 2;
          var score = (postings[p] & 3) * exact;
          if (!(found[doc] >= score)) found[doc] = score;
        }
      }
      if (scores === null) scores = found;
      // Every word must be there: an article one word missed stays out, whatever later words find.
      else for (var key in scores) scores[key] = scores[key] >= 0 && key in found ? scores[key] + found[key] : -1;
    }
    var results = [];
  /** The reader asked for older months with the keyboard focus on that button. */
  var refocus = false;
  /** Whether results have been added since they were last sorted. */
  var unsorted = false;
    for (var id in scores) if (scores[id] >= 0) results.push({ doc: data.docs[id], score: scores[id] });
    return results;
  }

  var results = [];
  /** The reader asked for older months with the keyboard focus on that button. */
  var refocus = false;
  /** Whether results have been added since they were last sorted. */
  var unsorted = false;

  function mark(text, into) {
    // Each word of the text whose stem answers a term is marked.
    var pattern = /[\p{L}\p{N}'’ʼ`]+/gu;
    var last = 0;
    var match;
    while ((match = pattern.exec(text))) {
      var word = rules.words(match[0])[0];
      var stem = word && stemOf(word);
      var hit = word && terms.some(function (term) { return matches(term, stem, term.latin ? latinOf(stem) : ""); });
      if (!hit) continue;
      into.appendChild(document.createTextNode(text.slice(last, match.index)));
      var element = document.createElement("mark");
      element.textContent = match[0];
      into.appendChild(element);
      last = match.index + match[0].length;
    }
    into.appendChild(document.createTextNode(text.slice(last)));
  }

  /**
   * Draws the results (from `from` on: «Показати ще» adds to those drawn) and the count.
   * `started`: when the reader asked, for the time it took.
   */
  function show(started, from) {
    var begun = performance.now();
    if (unsorted) {
      // Better matches first; among equals, newer first.
      results.sort(function (a, b) { return b.score - a.score || (a.doc[2] < b.doc[2] ? 1 : a.doc[2] > b.doc[2] ? -1 : 0); });
      unsorted = false;
    }
    // (Made apart and added at once: one layout, not one per result.)
    var items = document.createDocumentFragment();
    results.slice(from, shown).forEach(function (result) {
      var doc = result.doc;
      var item = document.createElement("li");
      item.className = "search-result";
      var heading = document.createElement("h2");
      var link = document.createElement("a");
      link.href = doc[0];
      mark(doc[1], link);
      heading.appendChild(link);
      var meta = document.createElement("p");
      meta.className = "search-meta";
      var time = document.createElement("time");
      time.dateTime = doc[2];
      time.textContent = doc[3];
      meta.appendChild(time);
      meta.appendChild(document.createTextNode(" · " + doc[4]));
      item.appendChild(heading);
      item.appendChild(meta);
      if (doc[5]) {
        var lede = document.createElement("p");
        lede.className = "search-lede";
        mark(doc[5], lede);
        item.appendChild(lede);
      }
      items.appendChild(item);
    });
    if (from === 0) list.textContent = "";
    list.appendChild(items);
    status.textContent = results.length > 0
      ? status.getAttribute("data-found") + " " + results.length + " " + plural(results.length)
      : status.getAttribute("data-nothing") + " " + status.getAttribute("data-hint");
    if (moreResults) moreResults.hidden = results.length <= shown;
    if (more) more.hidden = results.length > shown || next >= months.length;
    // How long the answer took, with and without the month files' loading (npm run bench reads these).
    working += performance.now() - begun;
    status.setAttribute("data-ms", String(Math.round(performance.now() - started)));
    status.setAttribute("data-search-ms", String(Math.round(working)));
    // After «Шукати в старіших новинах», the button may be gone: the focus goes on from there.
    if (refocus) {
      refocus = false;
      if (more && more.hidden && document.activeElement === more) {
        if (moreResults && !moreResults.hidden) moreResults.focus();
        else focusResult(0);
      }
    }
  }

  /** Keyboard focus to the result at `index` (its link): a screen reader reads where the reader is now. */
  function focusResult(index) {
    var link = list.children[index] && list.children[index].querySelector("a");
    if (link) link.focus();
  }

  /** Loads the month files `names` at once; `done` when every one has loaded or failed. */
  function load(names, done) {
    var missing = names.filter(function (name) { return !loaded[name]; });
    var pending = missing.length;
    if (pending === 0) return done();
    missing.forEach(function (name) {
      var script = document.createElement("script");
      script.src = name + ".js";
      script.onload = script.onerror = function () { if (--pending === 0) done(); };
      document.head.appendChild(script);
    });
  }

  /** The next batch of months, searched in order (newest first); more batches until enough results. */
  function run(started) {
    var current = generation;
    var batch = [];
    for (var articles = 0; next < months.length && (batch.length === 0 || articles < BATCH_ARTICLES); next++) {
      batch.push(months[next][0]);
      articles += months[next][1];
    }
    if (batch.length === 0) return show(started, 0);
    load(batch, function () {
      if (current !== generation) return;
      var begun = performance.now();
      batch.forEach(function (name) { if (loaded[name]) results = results.concat(search(name)); });
      unsorted = true;
      working += performance.now() - begun;
      if (results.length >= ENOUGH || next >= months.length) show(started, 0);
      else run(started);
    });
  }

  /** A new search: for the page's ?q= at first, then as the reader types. */
  function searchFor(query) {
    generation++;
    refocus = false;
    terms = termsOf(query);
    results = [];
    next = 0;
    shown = PAGE;
    working = 0;
    list.textContent = "";
    if (more) more.hidden = true;
    if (moreResults) moreResults.hidden = true;
    if (terms.length === 0) return void (status.textContent = "");
    status.textContent = status.getAttribute("data-loading");
    run(performance.now());
  }

  if (more) {
    more.addEventListener("click", function () {
      working = 0;
      refocus = true;
      run(performance.now());
    });
  }
  // «Показати ще»: the next results are added below, and the keyboard focus moves to the first
  // of them (the button may hide; a screen reader reads the new result's link).
  if (moreResults) {
    moreResults.addEventListener("click", function () {
      working = 0;
      var from = shown;
      shown += PAGE;
      show(performance.now(), from);
      focusResult(from);
    });
  }
  // As the reader types (a pause of 250 ms): the months already loaded answer at once.
  var typing = 0;
  input.addEventListener("input", function () {
    clearTimeout(typing);
    typing = setTimeout(function () {
      searchFor(input.value);
      // The address follows, so that the search can be shared (browsers may refuse it on file://).
      try { history.replaceState(null, "", "?q=" + encodeURIComponent(input.value)); } catch (error) { /* the results stand */ }
    }, 250);
  });
  var query = new URLSearchParams(location.search).get("q") || "";
  input.value = query;
  searchFor(query);
})();

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

  function plural(count) {
    var forms = status.getAttribute("data-forms").split("|");
    var rule = new Intl.PluralRules("uk").select(count);
    return forms[rule === "one" ? 0 : rule === "few" ? 1 : 2];
  }

  /** Whether an indexed stem answers a term: the same stem, or one that starts with it (typing), or in Latin letters. */
  function matches(term, stem) {
    if (term.latin) {
      var latin = rules.latin(stem);
      return latin.indexOf(term.word) === 0 || (stem.length >= 4 && term.word.indexOf(latin) === 0);
    }
    return stem === term.stem || stem.indexOf(term.stem) === 0;
  }

  /** The articles of one month that have every term, with their scores. */
  function search(name) {
    var data = loaded[name];
    var stems = Object.keys(data.words);
    var scores = null;
    for (var t = 0; t < terms.length; t++) {
      var found = {};
      for (var s = 0; s < stems.length; s++) {
        if (!matches(terms[t], stems[s])) continue;
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
    for (var id in scores) if (scores[id] >= 0) results.push({ doc: data.docs[id], score: scores[id] });
    return results;
  }

  var results = [];

  function mark(text, into) {
    // Each word of the text whose stem answers a term is marked.
    var pattern = /[\p{L}\p{N}'’ʼ`]+/gu;
    var last = 0;
    var match;
    while ((match = pattern.exec(text))) {
      var word = rules.words(match[0])[0];
      var hit = word && terms.some(function (term) { return matches(term, /[а-яіїєґ]/.test(word) ? rules.stem(word) : word); });
      if (!hit) continue;
      into.appendChild(document.createTextNode(text.slice(last, match.index)));
      var element = document.createElement("mark");
      element.textContent = match[0];
      into.appendChild(element);
      last = match.index + match[0].length;
    }
    into.appendChild(document.createTextNode(text.slice(last)));
  }

  function show(started) {
    var begun = performance.now();
    // Better matches first; among equals, newer first (each month's articles are newest first, and months newest first).
    results.sort(function (a, b) { return b.score - a.score || (a.doc[2] < b.doc[2] ? 1 : a.doc[2] > b.doc[2] ? -1 : 0); });
    list.textContent = "";
    results.slice(0, shown).forEach(function (result) {
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
      list.appendChild(item);
    });
    status.textContent = results.length > 0
      ? status.getAttribute("data-found") + " " + results.length + " " + plural(results.length)
      : status.getAttribute("data-nothing") + " " + status.getAttribute("data-hint");
    if (moreResults) moreResults.hidden = results.length <= shown;
    if (more) more.hidden = results.length > shown || next >= months.length;
    // How long the answer took, with and without the month files' loading (npm run bench reads these).
    working += performance.now() - begun;
    status.setAttribute("data-ms", String(Math.round(performance.now() - started)));
    status.setAttribute("data-search-ms", String(Math.round(working)));
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
    if (batch.length === 0) return show(started);
    load(batch, function () {
      if (current !== generation) return;
      var begun = performance.now();
      batch.forEach(function (name) { if (loaded[name]) results = results.concat(search(name)); });
      working += performance.now() - begun;
      if (results.length >= ENOUGH || next >= months.length) show(started);
      else run(started);
    });
  }

  /** A new search: for the page's ?q= at first, then as the reader types. */
  function searchFor(query) {
    generation++;
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

  if (more) more.addEventListener("click", function () { working = 0; run(performance.now()); });
  if (moreResults) moreResults.addEventListener("click", function () { working = 0; shown += PAGE; show(performance.now()); });
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

// Reading on the go (README «Без мережі»): a small service worker for the hosted site.
// Browsers allow one only over http(s), so the copy of _site/ read from disk does without it
// (it has every page anyway). What it keeps: the home page, the offline page, the
// fingerprinted CSS and JS and the latest articles, when it is installed; every page the
// reader opens, as it is opened. HTML is network first — online, the reader always gets
// today's news, never a stale copy; offline, the kept copy, or the offline page. Other hosts
// (YouTube) are never touched.
// (The fingerprinted files' folder is assets.ts's: the worker keeps what is in it for good.)
import { FINGERPRINTED_DIR } from "./assets.js";

export interface OfflineWorker {
  /** Site-relative files kept at installation: fetched anew each time (home, offline page). */
  fresh: readonly string[];
  /** Site-relative files kept at installation when not kept yet (fingerprinted assets, the latest articles). */
  keep: readonly string[];
  /** The offline page, site-relative. */
  offlinePage: string;
  /** How many pages are kept at most (the home and offline pages and the assets aside): the least recently opened go first. */
  maxPages: number;
}

/**
 * `sw.js`, at the site's root (its scope is the whole site, under a sub-path too). One cache
 * for pages and assets: a page kept offline still finds the CSS and JS it was published with
 * (fingerprinted files are never removed; they are few and small). Pages are kept up to
 * `maxPages`: each is stamped with when it was kept (a header of the cached copy; the order
 * of a cache's keys is not one browsers agree on), and the least recently kept go. The script
 * changes with every publish (the latest articles), so browsers install it again; what is
 * kept already is not downloaded again.
 * (Long: the service worker's script, written out as it is served, read top to bottom.)
 */
export function offlineWorkerScript({ fresh, keep, offlinePage, maxPages }: OfflineWorker): string {
  return `// strichka's service worker (src/offline.ts).
"use strict";
var CACHE = "strichka";
var FRESH = ${JSON.stringify(["./", ...fresh])};
var KEEP = ${JSON.stringify(keep)};
var OFFLINE = ${JSON.stringify(offlinePage)};
var MAX_PAGES = ${JSON.stringify(maxPages)};
/** When a page was kept (on the cached copy). */
var KEPT = "x-strichka-kept";

/** Pages are kept by their path: ?q=… or ?fbclid=… is the same page. */
function keyOf(url) {
  return url.origin + url.pathname;
}

/** Whether a kept URL is a page that may go (not the home or offline page, not an asset). */
function mayGo(href) {
  var scope = new URL(self.registration.scope);
  var url = new URL(href);
  return url.pathname.indexOf(${JSON.stringify(FINGERPRINTED_DIR)}) === -1 &&
    [scope.pathname, scope.pathname + "index.html", new URL(OFFLINE, scope).pathname].indexOf(url.pathname) === -1;
}

/** Keeps a page (a copy stamped with the time), then lets the least recently kept pages go beyond MAX_PAGES. */
function keepPage(cache, key, response) {
  return response.blob().then(function (body) {
    var headers = new Headers(response.headers);
    headers.set(KEPT, String(Date.now()));
    return cache.put(key, new Response(body, { status: response.status, statusText: response.statusText, headers: headers }));
  }).then(function () {
    return cache.keys();
  }).then(function (requests) {
    var pages = requests.filter(function (request) { return mayGo(request.url); });
    if (pages.length <= MAX_PAGES) return;
    return Promise.all(pages.map(function (request) {
      return cache.match(request).then(function (kept) { return { request: request, time: Number(kept && kept.headers.get(KEPT)) || 0 }; });
    })).then(function (entries) {
      entries.sort(function (a, b) { return a.time - b.time; });
      return Promise.all(entries.slice(0, entries.length - MAX_PAGES).map(function (entry) { return cache.delete(entry.request); }));
    });
  });
}

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return Promise.all([cache.addAll(FRESH)].concat(KEEP.map(function (file) {
      return cache.match(file).then(function (kept) { return kept || cache.add(file); });
    })));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(self.clients.claim());
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    // Network first: online, the news is today's.
    event.respondWith(fetch(request).then(function (response) {
      // (200 only: a copy of a 204 or 206 could not be made, nor would it be the page.)
      if (response.status === 200) {
        var copy = response.clone();
        event.waitUntil(caches.open(CACHE).then(function (cache) { return keepPage(cache, keyOf(url), copy); }));
      }
      return response;
    }).catch(function () {
      return caches.open(CACHE).then(function (cache) {
        return cache.match(keyOf(url)).then(function (kept) { return kept || cache.match(new URL(OFFLINE, self.registration.scope).href); });
      });
    }));
    return;
  }
  // Other files: the kept copy first (fingerprinted files never change); new fingerprinted ones are kept.
  event.respondWith(caches.match(request).then(function (kept) {
    return kept || fetch(request).then(function (response) {
      if (response.ok && url.pathname.indexOf(${JSON.stringify(FINGERPRINTED_DIR)}) !== -1) {
        var copy = response.clone();
        event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.put(request, copy); }));
      }
      return response;
    });
  }));
});
`;
}

// Reading on the go (README «Без мережі»): a small service worker for the hosted site.
// Browsers allow one only over http(s), so the copy of _site/ read from disk does without it
// (it has every page anyway). What it keeps: the home page, the offline page, the
// fingerprinted CSS and JS and the latest articles, when it is installed; every page the
// reader opens, as it is opened. HTML is network first — online, the reader always gets
// today's news, never a stale copy; offline, the kept copy, or the offline page. Other hosts
// (YouTube) are never touched.

export interface OfflineWorker {
  /** Site-relative files kept at installation: fetched anew each time (home, offline page). */
  fresh: readonly string[];
  /** Site-relative files kept at installation when not kept yet (fingerprinted assets, the latest articles). */
  keep: readonly string[];
  /** The offline page, site-relative. */
  offlinePage: string;
}

/**
 * `sw.js`, at the site's root (its scope is the whole site, under a sub-path too). One cache
 * for pages and assets: a page kept offline still finds the CSS and JS it was published with
 * (fingerprinted files are never removed; they are few and small). The script changes with
 * every publish (the latest articles), so browsers install it again; what is kept already is
 * not downloaded again.
 */
export function offlineWorkerScript({ fresh, keep, offlinePage }: OfflineWorker): string {
  return `// strichka's service worker (src/offline.ts).
"use strict";
var CACHE = "strichka";
var FRESH = ${JSON.stringify(["./", ...fresh])};
var KEEP = ${JSON.stringify(keep)};
var OFFLINE = ${JSON.stringify(offlinePage)};

/** Pages are kept by their path: ?q=… or ?fbclid=… is the same page. */
function keyOf(url) {
  return url.origin + url.pathname;
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
      if (response.ok) {
        var copy = response.clone();
        event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.put(keyOf(url), copy); }));
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
      if (response.ok && url.pathname.indexOf("/static/") !== -1) {
        var copy = response.clone();
        event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.put(request, copy); }));
      }
      return response;
    });
  }));
});
`;
}

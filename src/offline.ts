// Reading on the go (README «Без мережі»): a small service worker for the hosted site.
// Browsers allow one only over http(s), so the copy of _site/ read from disk does without it
// (it has every page anyway). What it keeps: the home page, the offline page, the
// fingerprinted CSS and JS and the latest articles, when it is installed; every page the
// reader opens, as it is opened. HTML is network first — online, the reader always gets
// today's news, never a stale copy; offline, the kept copy, or the offline page. Other hosts
// (YouTube) are never touched.

export interface OfflineWorker {
  /** Changes with what is kept at installation: a new worker then replaces the old one's files. */
  version: string;
  /** Site-relative files kept at installation ("index.html", "static/style.1a2b3c.css", …). */
  precache: readonly string[];
  /** The offline page, site-relative. */
  offlinePage: string;
}

/** `sw.js`, at the site's root (its scope is the whole site, under a sub-path too). */
export function offlineWorkerScript({ version, precache, offlinePage }: OfflineWorker): string {
  return `// strichka's service worker (src/offline.ts). Kept at installation: ${precache.length} files.
"use strict";
var KEPT = "strichka-" + ${JSON.stringify(version)};
var PAGES = "strichka-pages";
var PRECACHE = ${JSON.stringify(["./", ...precache])};
var OFFLINE = ${JSON.stringify(offlinePage)};

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(KEPT).then(function (cache) { return cache.addAll(PRECACHE); }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) { return name.indexOf("strichka-") === 0 && name !== KEPT && name !== PAGES; }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
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
        caches.open(PAGES).then(function (cache) { return cache.put(request, copy); });
      }
      return response;
    }).catch(function () {
      return caches.match(request).then(function (kept) { return kept || caches.match(new URL(OFFLINE, self.registration.scope).href); });
    }));
    return;
  }
  // Files with their hash in the name never change: the kept copy first.
  event.respondWith(caches.match(request).then(function (kept) {
    return kept || fetch(request).then(function (response) {
      if (response.ok && url.pathname.indexOf("/static/") !== -1) {
        var copy = response.clone();
        caches.open(KEPT).then(function (cache) { return cache.put(request, copy); });
      }
      return response;
    });
  }));
});
`;
}

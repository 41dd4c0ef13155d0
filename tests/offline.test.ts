// The service worker (src/offline.ts) run in Node against a cache of our own: what it keeps
// and what it lets go. Chromium runs it in tests/browser.test.ts (reading offline).
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { offlineWorkerScript } from "../src/offline.js";

const ORIGIN = "https://example.org";
const SCOPE = `${ORIGIN}/news/`;

/** A Cache of the Cache API, its entries in a Map (what the worker uses of it). */
class FakeCache {
  readonly entries = new Map<string, Response>();
  put(request: string | { url: string }, response: Response): Promise<void> {
    this.entries.delete(urlOf(request));
    this.entries.set(urlOf(request), response);
    return Promise.resolve();
  }
  match(request: string | { url: string }): Promise<Response | undefined> {
    return Promise.resolve(this.entries.get(urlOf(request))?.clone());
  }
  keys(): Promise<{ url: string }[]> {
    // (Newest first: the worker must not rely on the order, which browsers do not agree on.)
    return Promise.resolve([...this.entries.keys()].reverse().map((url) => ({ url })));
  }
  delete(request: string | { url: string }): Promise<boolean> {
    return Promise.resolve(this.entries.delete(urlOf(request)));
  }
  add(request: string): Promise<void> {
    return this.put(request, new Response(`kept ${request}`));
  }
  addAll(requests: string[]): Promise<void> {
    return Promise.all(requests.map((request) => this.add(request))).then(() => undefined);
  }
}
const urlOf = (request: string | { url: string }) => new URL(typeof request === "string" ? request : request.url, SCOPE).href;

/** The worker with `maxPages`, installed; `open(path)` navigates to a page online. */
async function worker(maxPages: number) {
  const cache = new FakeCache();
  const listeners = new Map<string, (event: unknown) => void>();
  let clock = 0;
  const self = {
    location: new URL(`${SCOPE}sw.js`),
    registration: { scope: SCOPE },
    clients: { claim: () => Promise.resolve() },
    skipWaiting: () => Promise.resolve(),
    addEventListener: (type: string, listener: (event: unknown) => void) => listeners.set(type, listener),
  };
  const script = offlineWorkerScript({ fresh: ["offline.html"], keep: ["static/style.1234.css"], offlinePage: "offline.html", maxPages });
  runInNewContext(script, {
    self,
    caches: { open: () => Promise.resolve(cache), match: (request: { url: string }) => cache.match(request) },
    fetch: (request: { url: string }) => Promise.resolve(new Response(`page ${request.url}`, { headers: { "content-type": "text/html" } })),
    URL,
    Headers,
    Response,
    Promise,
    Date: { now: () => ++clock },
  });
  /** Runs an event through the worker and waits for what it waits for. */
  const dispatch = async (type: string, event: Record<string, unknown>) => {
    const waits: Promise<unknown>[] = [];
    listeners.get(type)!({ ...event, waitUntil: (promise: Promise<unknown>) => waits.push(promise), respondWith: (promise: Promise<unknown>) => waits.push(promise) });
    // (waitUntil may be called while a respondWith promise settles.)
    for (let index = 0; index < waits.length; index++) await waits[index];
  };
  await dispatch("install", {});
  const open = (path: string) => dispatch("fetch", { request: { url: `${SCOPE}${path}`, method: "GET", mode: "navigate" } });
  return { cache, open };
}

describe("the service worker", () => {
  it("keeps at most maxPages pages, letting the least recently opened go; never the home or offline page or the assets", async () => {
    const { cache, open } = await worker(3);
    await open("index.html");
    for (const page of ["a.html", "b.html", "c.html", "d.html"]) await open(page);
    const kept = () => [...cache.entries.keys()].map((url) => url.slice(SCOPE.length)).sort();
    expect(kept()).toEqual(["", "b.html", "c.html", "d.html", "index.html", "offline.html", "static/style.1234.css"]);
    // Opening a page again makes it the most recent.
    await open("b.html");
    await open("e.html");
    expect(kept()).toEqual(["", "b.html", "d.html", "e.html", "index.html", "offline.html", "static/style.1234.css"]);
    // What is kept is the page as it came, stamped with when.
    const page = await cache.match(`${SCOPE}e.html`);
    expect(await page!.text()).toBe(`page ${SCOPE}e.html`);
    expect(page!.headers.get("content-type")).toBe("text/html");
  });
});

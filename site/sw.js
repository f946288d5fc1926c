// Hesap service worker, build @VERSION@: precaches the whole build so every page and calculator works offline.
// Pages (navigations and the theme's instant-navigation requests): network first (a rebuild reaches readers on
// their next online visit), cache as fallback.
// Everything else: cache first; our own files carry ?v=<build> so a new build never mixes with an old one.
const VERSION = "@VERSION@";
const CACHE = `hesap-${VERSION}`;
const PRECACHE = @PRECACHE@;

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // no-cache: revalidate against the HTTP cache, so files the page has just fetched cost a 304, not a download
    await cache.addAll(PRECACHE.map((p) => new Request(new URL(p, self.registration.scope), { cache: "no-cache" })));
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    // No navigation preload: its request may be answered by the HTTP cache's heuristic freshness, and an
    // old page must never hide a new build (see the no-cache revalidation below).
    if (self.registration.navigationPreload) await self.registration.navigationPreload.disable();
    for (const key of await caches.keys()) if (key.startsWith("hesap-") && key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET" || new URL(req.url).origin !== self.location.origin) return;
  // Pages and the version stamp: network first (a rebuild reaches readers on their next online visit). A page is
  // asked for by a navigation or, with instant navigation, by the theme's XMLHttpRequest (not "navigate"): by path.
  const path = new URL(req.url).pathname;
  if (req.mode === "navigate" || path.endsWith("/") || path.endsWith(".html") || path.endsWith("/version.json")) {
    event.respondWith((async () => {
      try {
        // revalidate: a heuristically cached old page must not hide a new build (costs a 304 when unchanged)
        const fresh = await fetch(req.url, { cache: "no-cache", credentials: "same-origin" });
        if (fresh.ok) (await caches.open(CACHE)).put(req.url, fresh.clone());
        return fresh;
      } catch (err) {
        const cache = await caches.open(CACHE);
        return (await cache.match(req, { ignoreSearch: true })) || (await cache.match(new URL("./", self.registration.scope))) || Response.error();
      }
    })());
    return;
  }
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const hit = await cache.match(req);
    if (hit) return hit;
    const res = await fetch(req);
    if (res.ok && res.type === "basic") cache.put(req, res.clone());
    return res;
  })());
});

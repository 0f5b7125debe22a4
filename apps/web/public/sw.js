// The portal's service worker: the app opens without a network, so an appeal can be filled
// in and kept (the page keeps it in IndexedDB and sends it when the network returns; see
// features/appeals/offline-outbox.ts). Written by hand, small on purpose:
//   - pages (navigations): the network first, else the last app page seen;
//   - /assets/ (file names carry a hash, never change): from the cache once fetched;
//   - the public reference data the appeal form needs (bodies, topics, a poster's object,
//     the map's settings): the network first, else the last copy;
//   - everything else, every staff call and every POST: the network only, never stored.
const VERSION = 'tyndau-v1';
const SHELL = '/index.html';
const PUBLIC_DATA = [/^\/api\/v1\/bodies(\/[^/]+)?$/, /^\/api\/v1\/topics$/, /^\/api\/v1\/city-objects\/[^/]+$/, /^\/api\/v1\/map\/config$/];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(VERSION)
      .then((c) => c.addAll([SHELL, '/manifest.webmanifest', '/icon-192.png']))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== VERSION).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

async function networkFirst(request, fallbackKey) {
  const cache = await caches.open(VERSION);
  try {
    const res = await fetch(request);
    if (res.ok) await cache.put(fallbackKey ?? request, res.clone());
    return res;
  } catch (err) {
    const hit = await cache.match(fallbackKey ?? request);
    if (hit) return hit;
    throw err;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(VERSION);
  const hit = await cache.match(request);
  if (hit) return hit;
  const res = await fetch(request);
  if (res.ok) await cache.put(request, res.clone());
  return res;
}

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (req.mode === 'navigate') {
    // Every page of the app is the same index.html (client routing); the API's pages are not.
    if (url.pathname.startsWith('/api/')) return;
    event.respondWith(networkFirst(req, SHELL));
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(req));
    return;
  }
  if (PUBLIC_DATA.some((re) => re.test(url.pathname))) {
    event.respondWith(networkFirst(req));
  }
});

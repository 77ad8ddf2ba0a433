// Attaché's service worker: the app shell offline.
// The post_build hook stamps the two lines marked "stamped": the cache name (a hash of the
// built files) and the precache list. Plain JavaScript, copied by Trunk without hashing.
const CACHE_NAME = 'attache-dev'; // stamped
const PRECACHE = ['/', '/index.html']; // stamped

self.addEventListener('install', (event) => {
  // No skipWaiting here: a new version waits until the user chooses to reload.
  event.waitUntil(caches.open(CACHE_NAME).then((cache) => cache.addAll(PRECACHE)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('attache-') && name !== CACHE_NAME) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

// Background Sync (where the browser has it): a wake-up for the outbox. The sending itself
// needs the app (its keys and rules live there), so the open tabs are asked to run it.
self.addEventListener('sync', (event) => {
  if (event.tag !== 'attache-outbox') return;
  event.waitUntil((async () => {
    for (const client of await self.clients.matchAll({ type: 'window' })) client.postMessage('attache-outbox-wake');
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  // Only our own files: API calls to instances and PDSes are never touched or cached.
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(networkFirst(request));
  } else if (PRECACHE.includes(url.pathname)) {
    event.respondWith(cacheFirst(request));
  }
});

async function networkFirst(request) {
  try {
    return await fetch(request);
  } catch {
    const cache = await caches.open(CACHE_NAME);
    return (await cache.match('/index.html')) || Response.error();
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE_NAME);
  return (await cache.match(request, { ignoreSearch: true })) || fetch(request);
}

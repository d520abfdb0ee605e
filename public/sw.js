// The patient's installed portal offline: docs/decisions/026-service-worker.md says what it keeps.
const VERSION = "v1";
const STATIC = `static-${VERSION}`;
const OFFLINE = `offline-${VERSION}`;
const PAGES = "pages-"; // + the signed-in patient's id
const KEPT = ["/patient", "/patient/history", "/patient/plan"];
let user = null;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(OFFLINE)
      .then((c) => c.add(new Request("/offline", { cache: "reload" })))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter(
              (k) => (k.startsWith("static-") || k.startsWith("offline-")) && !k.endsWith(VERSION),
            )
            .map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

async function setUser(id) {
  user = id;
  const keys = await caches.keys();
  await Promise.all(
    keys.filter((k) => k.startsWith(PAGES) && k !== PAGES + id).map((k) => caches.delete(k)),
  );
}

self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type === "user") event.waitUntil(setUser(typeof data.id === "string" ? data.id : null));
});

async function currentUser() {
  if (user) return user;
  const key = (await caches.keys()).find((k) => k.startsWith(PAGES));
  return key ? key.slice(PAGES.length) : null;
}

async function fromStatic(request) {
  const cache = await caches.open(STATIC);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function offlineCopy(path) {
  const id = await currentUser();
  const cached = id && (await (await caches.open(PAGES + id)).match(path));
  if (!cached) return (await caches.match("/offline")) || new Response("Offline", { status: 503 });
  const html = await cached.text();
  const at = cached.headers.get("x-kept-at") || "";
  const headers = new Headers(cached.headers);
  return new Response(html.replace("<html", `<html data-offline-at="${at}"`), {
    status: 200,
    headers,
  });
}

async function page(request, url) {
  const path = url.pathname + url.search;
  let response;
  try {
    response = await fetch(request);
  } catch {
    return offlineCopy(path === "/" ? "/patient" : path);
  }
  const id = await currentUser();
  if (KEPT.includes(path) && id) {
    if (response.ok && !response.redirected && response.type === "basic") {
      const headers = new Headers(response.headers);
      headers.set("x-kept-at", new Date().toISOString());
      const copy = new Response(await response.clone().blob(), { status: 200, headers });
      await (await caches.open(PAGES + id)).put(path, copy);
    } else if (response.redirected || response.type === "opaqueredirect") {
      await setUser(null);
    }
  }
  return response;
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/_next/static/")) {
    event.respondWith(fromStatic(request));
    return;
  }
  if (request.mode !== "navigate") return;
  if (url.pathname === "/" || url.pathname === "/patient" || url.pathname.startsWith("/patient/")) {
    event.respondWith(page(request, url));
  }
});

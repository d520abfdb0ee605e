// The patient's installed portal offline: docs/decisions/026-service-worker.md says what it keeps.
const V = "v2";
const PAGES = "pages-"; // + the signed-in patient's id
const KEPT = ["/patient", "/patient/history", "/patient/plan", "/patient/block"];
let user = null;
const keys = () => caches.keys();
const drop = async (test) => Promise.all((await keys()).filter(test).map((k) => caches.delete(k)));

self.addEventListener("install", (e) =>
  e.waitUntil(
    caches
      .open(`offline-${V}`)
      .then((c) => c.add(new Request("/offline", { cache: "reload" })))
      .then(() => self.skipWaiting()),
  ),
);
self.addEventListener("activate", (e) =>
  e.waitUntil(
    drop((k) => /^(static|offline)-/.test(k) && !k.endsWith(V)).then(() => self.clients.claim()),
  ),
);

/** Keeps only the pages of `id` (null: of nobody). */
function setUser(id) {
  user = id;
  return drop((k) => k.startsWith(PAGES) && k !== PAGES + id);
}
self.addEventListener("message", (e) => {
  if (e.data?.type === "user")
    e.waitUntil(setUser(typeof e.data.id === "string" ? e.data.id : null));
});
async function currentUser() {
  const k = user ? null : (await keys()).find((k) => k.startsWith(PAGES));
  return user ?? (k ? k.slice(PAGES.length) : null);
}

async function fromStatic(req) {
  const cache = await caches.open(`static-${V}`);
  const hit = await cache.match(req);
  if (hit) return hit;
  const res = await fetch(req);
  if (res.ok) await cache.put(req, res.clone());
  return res;
}

async function offlineCopy(path) {
  const id = await currentUser();
  const kept = id && (await (await caches.open(PAGES + id)).match(path));
  if (!kept) return (await caches.match("/offline")) || new Response("Offline", { status: 503 });
  const at = kept.headers.get("x-kept-at") || "";
  const html = (await kept.text()).replace("<html", `<html data-offline-at="${at}"`);
  return new Response(html, { headers: kept.headers });
}

async function page(req, path) {
  let res;
  try {
    res = await fetch(req);
  } catch {
    return offlineCopy(path === "/" ? "/patient" : path);
  }
  const id = await currentUser();
  if (!id || !KEPT.includes(path)) return res;
  if (res.ok && !res.redirected && res.type === "basic") {
    const headers = new Headers(res.headers);
    headers.set("x-kept-at", new Date().toISOString());
    const copy = new Response(await res.clone().blob(), { headers });
    await (await caches.open(PAGES + id)).put(path, copy);
  } else if (res.redirected || res.type === "opaqueredirect") {
    await setUser(null); // signed out, or another role: this patient's copies go
  }
  return res;
}

self.addEventListener("fetch", (e) => {
  const req = e.request;
  const url = new URL(req.url);
  if (req.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/_next/static/")) e.respondWith(fromStatic(req));
  else if (req.mode === "navigate" && /^\/(patient(\/|$)|$)/.test(url.pathname))
    e.respondWith(page(req, url.pathname + url.search));
});

// Reminders on this phone (docs/decisions/040-push-and-texts.md): a push carries the clinic's
// name, what to do and a link, nothing else; a tap opens the link (the one-tap check-in).
self.addEventListener("push", (e) => {
  let data = {};
  try {
    data = e.data ? e.data.json() : {};
  } catch {}
  const title = typeof data.title === "string" ? data.title : "Patient portal";
  const url = typeof data.url === "string" ? data.url : "/patient";
  e.waitUntil(
    self.registration.showNotification(title, {
      body: typeof data.body === "string" ? data.body : "",
      icon: "/icon.svg",
      tag: "check-in",
      data: { url },
    }),
  );
});
self.addEventListener("notificationclick", (e) => {
  e.notification.close();
  // The link's path on this portal: a push opens nothing else.
  const link = new URL(e.notification.data?.url || "/patient", self.location.origin);
  e.waitUntil(self.clients.openWindow(link.pathname + link.search));
});

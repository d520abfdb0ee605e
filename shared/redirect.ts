/**
 * Where to go after sign-in: the path of `target` when it is a page of this site (`origin`),
 * else null. Parsed as a browser would (`/\evil`, a tab in `/\t/evil`, `//evil`, `https://evil`
 * and `javascript:` all leave the origin), then compared by origin. Pure: used by the sign-in
 * page on the server, by the form in the browser and by next-auth's redirect callback.
 */
export function safeRedirectPath(target: string | null | undefined, origin: string): string | null {
  if (!target) return null;
  let base: URL;
  let url: URL;
  try {
    base = new URL(origin);
    url = new URL(target, base);
  } catch {
    return null;
  }
  if (url.origin !== base.origin) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // A path that starts with two slashes would be read as another host when followed.
  return path.startsWith("//") || path.startsWith("/\\") ? null : path;
}

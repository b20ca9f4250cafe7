// Where to go after signing in: the `?next=` a signed-out request was sent to /login with. Honoured only for
// a path on this site, so a link to /login cannot bounce a person to another origin after they sign in.

const BASE = "http://promotions.invalid";

/** `next` as a same-site path (with its query), or null when it is missing or could leave the site. */
export function safeNextPath(next: unknown): string | null {
  if (typeof next !== "string" || next.length === 0 || next.length > 2000) return null;
  // Only an absolute path: not "//host", not "/\host" (browsers read "\" as "/"), no scheme, no control
  // characters (a tab or newline inside "/\t/host" is dropped by URL parsers).
  if (!next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return null;
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return null;
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  // The login page itself would only send the person back here.
  if (url.pathname === "/login" || url.pathname.startsWith("/login/")) return null;
  return `${url.pathname}${url.search}`;
}

/** /login with `next` set to `path` (a path with its query string). */
export function loginPath(path: string): string {
  return `/login?next=${encodeURIComponent(path)}`;
}

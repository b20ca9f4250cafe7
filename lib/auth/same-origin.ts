// CSRF check for state-changing route handlers (server actions get the same check from Next): a browser
// sends Origin on every POST, and Sec-Fetch-Site where it knows it; either naming another site refuses.
// A request with neither comes from something that is not a browser, which holds no one else's cookies.

export function sameOrigin(headers: Headers): boolean {
  if (headers.get("sec-fetch-site") === "cross-site") return false;
  const origin = headers.get("origin");
  if (!origin) return true;
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  try {
    return host !== null && new URL(origin).host === host.split(",")[0]!.trim();
  } catch {
    return false;
  }
}

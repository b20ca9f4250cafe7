// Runs before every page, route handler and server action (not static files):
// - a Content-Security-Policy with a fresh nonce on every response (Next puts it on its own scripts), and
//   HSTS over https;
// - a signed-out request for a page that needs a session is redirected to /login?next=<that page> before
//   anything renders (pages check the session again themselves: this makes the answer a real redirect);
// - an advertiser page naming an ad account (`?aadvid=`) the user is not a member of gets a real 404 status
//   here: once a page starts streaming, the status is already sent.
// Server actions and route handlers are not redirected: they answer 401 or `unauthenticated` themselves.
import { NextResponse, type NextRequest } from "next/server";
import { roleOn } from "@/lib/auth/access";
import { loginPath } from "@/lib/auth/next-path";
import { SESSION_COOKIE, userForToken } from "@/lib/auth/session";
import { contentSecurityPolicy, newNonce, strictTransportSecurity, viaHttps } from "@/lib/security-headers";

/** Pages anyone may open. Every other page needs a session: advertiser pages, present and future, and /ops. */
const PUBLIC_PAGES = ["/login", "/signup"];
/** Paths that are not pages: route handlers answer for themselves. */
const NOT_PAGES = ["/api/", "/switch"];
/** Files from public/ (icons, robots.txt): anyone may fetch them. */
const FILE = /\.[A-Za-z0-9]+$/;

const under = (path: string, prefix: string) => path === prefix || path.startsWith(prefix.endsWith("/") ? prefix : `${prefix}/`);

function pageRule(request: NextRequest): "public" | "ops" | "advertiser" | null {
  const { pathname } = request.nextUrl;
  const page = (request.method === "GET" || request.method === "HEAD") && !request.headers.has("next-action");
  if (!page || FILE.test(pathname) || NOT_PAGES.some((p) => under(pathname, p))) return null;
  if (PUBLIC_PAGES.some((p) => under(pathname, p))) return "public";
  return under(pathname, "/ops") ? "ops" : "advertiser";
}

const dev = process.env.NODE_ENV === "development";

export async function proxy(request: NextRequest) {
  const nonce = newNonce();
  const https = viaHttps(request.nextUrl, request.headers);
  const csp = contentSecurityPolicy({ nonce, dev, https });
  const secure = (response: NextResponse) => {
    response.headers.set("Content-Security-Policy", csp);
    if (https) response.headers.set("Strict-Transport-Security", strictTransportSecurity);
    return response;
  };

  const rule = pageRule(request);
  const user = rule && rule !== "public" ? await userForToken(request.cookies.get(SESSION_COOKIE)?.value) : null;
  if ((rule === "ops" || rule === "advertiser") && !user) {
    // Relative to this request's own origin: Next sends a same-host Location as a path.
    const { pathname, search } = request.nextUrl;
    return secure(NextResponse.redirect(new URL(loginPath(`${pathname}${search}`), request.url), 307));
  }

  // Next reads the nonce from the request's CSP header while rendering.
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", csp);
  headers.set("x-nonce", nonce);
  const aadvid = request.nextUrl.searchParams.get("aadvid");
  if (rule === "advertiser" && user && aadvid && !(await roleOn(user.id, aadvid)))
    // No route matches this path, so Next renders app/not-found.tsx with status 404.
    return secure(NextResponse.rewrite(new URL("/_account-not-found", request.url), { request: { headers } }));
  return secure(NextResponse.next({ request: { headers } }));
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};

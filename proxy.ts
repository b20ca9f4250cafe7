// Runs before any page renders. An advertiser page that names an ad account (`?aadvid=`) the signed-in user
// is not a member of gets a real 404 status here: once a page starts streaming its loading skeleton, the
// status is already sent. The pages check membership again themselves; this only makes the status honest.
import { NextResponse, type NextRequest } from "next/server";
import { roleOn } from "@/lib/auth/access";
import { SESSION_COOKIE, userForToken } from "@/lib/auth/session";

export function proxy(request: NextRequest) {
  const aadvid = request.nextUrl.searchParams.get("aadvid");
  const user = aadvid ? userForToken(request.cookies.get(SESSION_COOKIE)?.value) : null;
  if (!aadvid || !user || roleOn(user.id, aadvid)) return NextResponse.next();
  // No route matches this path, so Next renders app/not-found.tsx with status 404.
  return NextResponse.rewrite(new URL("/_account-not-found", request.url));
}

export const config = { matcher: ["/", "/campaigns/:path*", "/tools/:path*", "/settings/:path*"] };

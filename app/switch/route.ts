// Switches the remembered ad account, after checking membership, and goes to its home page.
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { ACCOUNT_COOKIE, membershipsOf } from "@/lib/auth/access";
import { currentUser } from "@/lib/auth/session";
import { env } from "@/lib/env";

export async function GET(request: NextRequest) {
  const user = await currentUser();
  if (!user) return NextResponse.redirect(new URL("/login", request.url));
  const aadvid = z.string().min(1).max(200).safeParse(request.nextUrl.searchParams.get("aadvid"));
  if (!aadvid.success || !membershipsOf(user.id).some((m) => m.account.id === aadvid.data))
    return NextResponse.json({ error: "not_found", message: "That ad account does not exist." }, { status: 404 });
  const response = NextResponse.redirect(new URL(`/?aadvid=${encodeURIComponent(aadvid.data)}`, request.url));
  response.cookies.set(ACCOUNT_COOKIE, aadvid.data, { httpOnly: true, sameSite: "lax", secure: env.secureCookies, path: "/" });
  return response;
}

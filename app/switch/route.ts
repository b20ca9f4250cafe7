// POST /switch (form field `aadvid`): remembers the chosen ad account, after checking membership, and goes
// to its home page. A POST from a form, never a GET: a link or an image elsewhere cannot switch accounts.
// The session cookie is SameSite=Lax (not sent on another site's POST), and the Origin must be this site's.
// Redirects are relative, so they keep whatever host and scheme the user came in on.
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { ACCOUNT_COOKIE, membershipsOf } from "@/lib/auth/access";
import { currentUser } from "@/lib/auth/session";
import { sameOrigin } from "@/lib/auth/same-origin";
import { env } from "@/lib/env";

const seeOther = (location: string) => new NextResponse(null, { status: 303, headers: { location, "cache-control": "no-store" } });
const refuse = (status: 400 | 403 | 404, error: string, message: string) =>
  NextResponse.json({ error, message }, { status, headers: { "cache-control": "no-store" } });

export async function POST(request: NextRequest) {
  if (!sameOrigin(request.headers)) return refuse(403, "forbidden", "Switch accounts from this site's own pages.");
  const user = await currentUser();
  if (!user) return seeOther("/login");
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return refuse(400, "invalid_input", "Choose an ad account to switch to.");
  }
  const aadvid = z.string().trim().min(1).max(200).safeParse(form.get("aadvid"));
  if (!aadvid.success) return refuse(400, "invalid_input", "Choose an ad account to switch to.");
  if (!(await membershipsOf(user.id)).some((m) => m.account.id === aadvid.data))
    return refuse(404, "not_found", "That ad account does not exist.");
  const response = seeOther(`/?aadvid=${encodeURIComponent(aadvid.data)}`);
  response.cookies.set(ACCOUNT_COOKIE, aadvid.data, { httpOnly: true, sameSite: "lax", secure: env.secureCookies, path: "/" });
  return response;
}

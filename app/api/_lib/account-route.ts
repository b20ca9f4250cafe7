// The one wrapper every account-scoped route handler goes through: session (401), then the query string
// (400 for a parameter over 2,000 characters or holding a NUL byte, and for a missing or bad `aadvid`),
// membership (404, never a hint that someone else's account exists), then the handler. Errors are JSON
// with a code and a sentence; an unexpected failure is logged and answered 500 without its stack.
import "server-only";
import { connection, NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { getDb, type AppDb } from "@/db/app";
import { accountForApi, type AccountAccess } from "@/lib/auth/access";
import { currentUser } from "@/lib/auth/session";
import { appNow } from "@/lib/clock";

export type RouteContext = { access: AccountAccess; params: URLSearchParams; db: AppDb; now: number };

const aadvidSchema = z.string({ error: "Name the ad account with ?aadvid=." }).trim().min(1).max(200);

export function jsonError(status: 400 | 401 | 404 | 500, error: string, message: string) {
  return NextResponse.json({ error, message }, { status, headers: { "cache-control": "no-store" } });
}

export function accountRoute(handle: (ctx: RouteContext) => Response | Promise<Response>) {
  return async (request: NextRequest): Promise<Response> => {
    try {
      await connection();
      if (!(await currentUser())) return jsonError(401, "unauthenticated", "Your session has ended. Please sign in again.");
      const params = request.nextUrl.searchParams;
      for (const [key, value] of params)
        if (key.length > 100 || value.length > 2_000 || /\u0000/.test(key + value))
          return jsonError(400, "invalid_input", "The query string could not be read.");
      const aadvid = aadvidSchema.safeParse(params.get("aadvid") ?? undefined);
      if (!aadvid.success) return jsonError(400, "invalid_input", "Name the ad account with ?aadvid=.");
      const access = await accountForApi(aadvid.data);
      if ("status" in access)
        return access.status === 401
          ? jsonError(401, "unauthenticated", "Your session has ended. Please sign in again.")
          : jsonError(404, "not_found", "That ad account does not exist.");
      const db = getDb();
      return await handle({ access, params, db, now: await appNow(db) });
    } catch (error) {
      console.error("route handler failed", request.nextUrl.pathname, error);
      return jsonError(500, "internal", "Something went wrong on our side. Please try again.");
    }
  };
}

// The one wrapper every ops console action goes through: check the platform operator on the server, parse
// with zod, run the engine, write one ops log row on success, revalidate, and answer in words.
import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb, type Db } from "@/db/client";
import { opsLog, type User } from "@/db/schema";
import { opsUser } from "@/lib/auth/ops";
import { appNow } from "@/lib/clock";

export type FieldErrors = Record<string, string[] | undefined>;
export type OpsState = { ok?: boolean; message?: string; fieldErrors?: FieldErrors; codes?: string[] };

export type OpsOutcome =
  | { ok: true; message: string; log: { action: string; detail: object }; codes?: string[] }
  | { ok: false; message: string; fieldErrors?: FieldErrors };

type Context = { user: User; db: Db; now: number };

export async function runOpsAction<S extends z.ZodType>(
  schema: S,
  raw: unknown,
  fn: (input: z.output<S>, ctx: Context) => OpsOutcome,
): Promise<OpsState> {
  const user = await opsUser();
  if (!user) return { ok: false, message: "Only platform operators can do this. Please sign in again." };
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    return {
      ok: false,
      message: "Please check the highlighted fields.",
      fieldErrors: z.flattenError(parsed.error).fieldErrors as FieldErrors,
    };
  const db = getDb();
  const outcome = fn(parsed.data, { user, db, now: appNow(db) });
  if (!outcome.ok) return outcome;
  db.insert(opsLog)
    .values({ actorUserId: user.id, action: outcome.log.action, detail: JSON.stringify(outcome.log.detail), at: appNow(db) })
    .run();
  revalidatePath("/", "layout");
  return { ok: true, message: outcome.message, codes: outcome.codes };
}

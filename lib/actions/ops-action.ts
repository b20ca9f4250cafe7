// The one wrapper every ops console action goes through: check the platform operator on the server before
// reading any input, parse with zod, then run the engine and write the ops log row in one transaction (the
// engine's own transactions nest as savepoints: the action calls the engine through its `db.store`; a clock
// move runs before its log row's transaction instead, see `alone`),
// revalidate, and answer in words. Whatever a client posts, the answer is an OpsState, never an exception.
import "server-only";
import { revalidatePath } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { appTransaction, getDb, type AppDb } from "@/db/app";
import type { User } from "@/db/schema";
import { actionInput } from "@/lib/actions/input";
import { opsUser } from "@/lib/auth/ops";
import { appNow } from "@/lib/clock";

export type FieldErrors = Record<string, string[] | undefined>;
export type OpsState = { ok?: boolean; error?: string; message?: string; fieldErrors?: FieldErrors; codes?: string[] };

export type OpsOutcome =
  | { ok: true; message: string; log: { action: string; detail: object }; codes?: string[] }
  | { ok: false; error?: string; message: string; fieldErrors?: FieldErrors };

/** `db` is the action's transaction (or, `alone`, the database): read and call the engine (`db.store`) through it. */
type Context = { user: User; db: AppDb; now: number };

/**
 * `schema` may be built from the input (a promotion's money fields depend on its currency); it is only
 * built once the operator is checked. `multi` names the form fields that repeat (checkbox groups).
 */
export async function runOpsAction<S extends z.ZodType>(
  schema: S | ((input: Record<string, unknown>) => S),
  raw: unknown,
  fn: (input: z.output<S>, ctx: Context) => Promise<OpsOutcome>,
  options: { multi?: readonly string[]; alone?: boolean } = {},
): Promise<OpsState> {
  let state: OpsState;
  try {
    const user = await opsUser();
    if (!user) return { ok: false, error: "forbidden", message: "Only platform operators can do this. Please sign in again." };
    const input = actionInput(raw, options.multi);
    if (!input) return { ok: false, error: "invalid_input", message: "This form could not be read. Reload the page and try again." };
    const parsed = (typeof schema === "function" ? schema(input) : schema).safeParse(input);
    if (!parsed.success)
      return {
        ok: false,
        error: "invalid_input",
        message: "Please check the highlighted fields.",
        fieldErrors: z.flattenError(parsed.error).fieldErrors as FieldErrors,
      };
    const db = getDb();
    const logged = async (tx: AppDb, now: number, result: OpsOutcome) => {
      if (result.ok)
        await tx
          .insert(tx.tables.opsLog)
          .values({ actorUserId: user.id, action: result.log.action, detail: JSON.stringify(result.log.detail), at: now });
      return result;
    };
    // The change and its log row commit together or not at all: a crash between them cannot leave an
    // unlogged change, and a refused (rolled back) engine operation writes no row. `alone` is for a clock
    // move: on PostgreSQL it commits step by step (each due event, each campaign-hour), which an enclosing
    // transaction would turn back into one; its log row follows once it has finished. A move cut short is
    // recorded in the clock row and finished by the next one (docs/scaling.md).
    const outcome = options.alone
      ? await (async () => {
          const now = await appNow(db);
          const result = await fn(parsed.data, { user, db, now });
          return appTransaction(db, (tx) => logged(tx, now, result));
        })()
      : await appTransaction(db, async (tx) => {
          const now = await appNow(tx);
          return logged(tx, now, await fn(parsed.data, { user, db: tx, now }));
        });
    if (!outcome.ok) return { ...outcome, error: outcome.error ?? "refused" };
    state = { ok: true, message: outcome.message, codes: outcome.codes };
  } catch (error) {
    unstable_rethrow(error);
    console.error("ops action failed", error);
    return { ok: false, error: "internal", message: "Something went wrong on our side. Nothing was changed; please try again." };
  }
  revalidatePath("/", "layout");
  return state;
}

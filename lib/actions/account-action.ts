// The one wrapper every advertiser server action goes through: parse with zod, authenticate, authorise
// against the account (and role), call the engine, return a serialisable result, and after a write that
// succeeded refresh what the browser shows (see README, "One refresh path").
import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { Role, User } from "@/db/schema";
import type { AdAccount } from "@/db/schema";
import { currentUser } from "@/lib/auth/session";
import { membershipsOf } from "@/lib/auth/access";

export type ActionResult<T = object> =
  | ({ ok: true } & T)
  | { ok: false; error: string; message: string; fieldErrors?: Record<string, string[] | undefined> };

type Context = { user: User; account: AdAccount; role: Role };

export function accountAction<S extends z.ZodObject<{ accountId: z.ZodString }>, T extends object>(
  schema: S,
  allowed: readonly Role[],
  fn: (input: z.infer<S>, ctx: Context) => ActionResult<T>,
) {
  return async (raw: unknown): Promise<ActionResult<T>> => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success)
      return {
        ok: false,
        error: "invalid_input",
        message: "Please check the highlighted fields.",
        fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[] | undefined>,
      };
    const user = await currentUser();
    if (!user) return { ok: false, error: "unauthenticated", message: "Your session has ended. Please sign in again." };
    const membership = membershipsOf(user.id).find((m) => m.account.id === parsed.data.accountId);
    if (!membership) return { ok: false, error: "not_found", message: "That ad account does not exist." };
    if (!allowed.includes(membership.role))
      return { ok: false, error: "forbidden", message: "Your role on this ad account does not allow this." };
    const result = fn(parsed.data, { user, account: membership.account, role: membership.role });
    if (result.ok) revalidatePath("/", "layout");
    return result;
  };
}

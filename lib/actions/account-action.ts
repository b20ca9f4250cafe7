// The one wrapper every advertiser server action goes through: authenticate, then authorise against the
// account named by `accountId` (membership, then role), and only then parse the rest of the input with zod
// and call the engine; after a write that succeeded, refresh what the browser shows (see README, "One
// refresh path"). Whatever a client posts, the answer is a serialisable result, never an exception: input
// that is not FormData or a plain object, of the wrong types, oversized or holding NUL bytes is
// `invalid_input`; an unexpected failure is logged and answered `internal`.
import "server-only";
import { revalidatePath } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import type { AdAccount, Role, User } from "@/db/schema";
import { actionInput } from "@/lib/actions/input";
import { membershipsOf } from "@/lib/auth/access";
import { currentUser } from "@/lib/auth/session";

export type ActionResult<T = object> =
  | ({ ok: true } & T)
  | { ok: false; error: string; message: string; fieldErrors?: Record<string, string[] | undefined> };

type Context = { user: User; account: AdAccount; role: Role };

export const accountIdSchema = z.string().trim().min(1).max(200);

const invalid = (fieldErrors?: Record<string, string[] | undefined>) =>
  ({ ok: false, error: "invalid_input", message: "Please check the highlighted fields.", fieldErrors }) as const;

export function accountAction<S extends z.ZodObject<{ accountId: z.ZodString }>, T extends object>(
  schema: S,
  allowed: readonly Role[],
  fn: (input: z.infer<S>, ctx: Context) => ActionResult<T> | Promise<ActionResult<T>>,
  options: { multi?: readonly string[] } = {},
) {
  return async (raw: unknown): Promise<ActionResult<T>> => {
    let result: ActionResult<T>;
    try {
      const user = await currentUser();
      if (!user) return { ok: false, error: "unauthenticated", message: "Your session has ended. Please sign in again." };
      const input = actionInput(raw, options.multi);
      if (!input) return invalid();
      const accountId = accountIdSchema.safeParse(input.accountId);
      if (!accountId.success) return invalid({ accountId: ["Choose an ad account."] });
      const membership = (await membershipsOf(user.id)).find((m) => m.account.id === accountId.data);
      if (!membership) return { ok: false, error: "not_found", message: "That ad account does not exist." };
      if (!allowed.includes(membership.role))
        return { ok: false, error: "forbidden", message: "Your role on this ad account does not allow this." };
      const parsed = schema.safeParse(input);
      if (!parsed.success) return invalid(z.flattenError(parsed.error).fieldErrors as Record<string, string[] | undefined>);
      result = await fn(parsed.data, { user, account: membership.account, role: membership.role });
    } catch (error) {
      // A redirect or notFound() from inside an action is Next's control flow, not a failure.
      unstable_rethrow(error);
      console.error("server action failed", error);
      return { ok: false, error: "internal", message: "Something went wrong on our side. Please try again." };
    }
    if (result.ok) revalidatePath("/", "layout");
    return result;
  };
}

"use server";
// Ops: grant a credit to an ad account, and allocate Business Center credit (R13). Amounts are typed in the
// account's currency, so they are parsed once the account is known.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { adProducts, creditTypes, type AdAccount } from "@/db/schema";
import { runOpsAction, type OpsOutcome, type OpsState } from "@/lib/actions/ops-action";
import { couldNot } from "@/lib/messages";
import * as engine from "@/lib/credits";
import { accountById } from "@/lib/queries/ops";
import { formatMoney, minorPerMajor } from "@/lib/format";
import { creditTypeLabel } from "@/lib/labels";
import { money, optionalText, wholeNumber } from "./form-input";

const grantSchema = z
  .object({
    accountId: z.string().min(1, "Choose an ad account."),
    type: z.enum(creditTypes, { error: "Choose a credit type." }),
    amount: z.string({ error: "Enter an amount." }),
    percent: optionalText,
    validDays: wholeNumber("the validity in days", 1, 365),
    adProducts: z.array(z.enum(adProducts, { error: "Choose ad products from the list." })),
    minCashBalance: optionalText,
    name: optionalText.pipe(z.string().max(80, "Keep the name to 80 characters.").optional()),
  })
  .superRefine((v, ctx) => {
    if (v.type === "discount" && !wholeNumber("a percent", 1, 100).safeParse(v.percent ?? "").success)
      ctx.addIssue({ code: "custom", path: ["percent"], message: "Enter a percent from 1 to 100." });
  });

/** Money fields in the account's currency; field errors when they do not parse. */
function amounts(account: AdAccount, fields: Record<string, string | undefined>) {
  const digits = Math.log10(minorPerMajor(account.currency));
  const values: Record<string, number> = {};
  const fieldErrors: Record<string, string[]> = {};
  for (const [key, raw] of Object.entries(fields)) {
    if (raw === undefined) continue;
    const r = money(digits).safeParse(raw);
    if (r.success) values[key] = r.data;
    else fieldErrors[key] = [r.error.issues[0]?.message ?? "Check this amount."];
  }
  return { values, fieldErrors };
}

const noAccount: OpsOutcome = { ok: false, message: "Please check the highlighted fields.", fieldErrors: { accountId: ["That ad account does not exist."] } };

export async function grantCredit(_prev: OpsState, form: unknown): Promise<OpsState> {
  return runOpsAction(
    grantSchema,
    form,
    async (input, { db, now }) => {
      const account = await accountById(db, input.accountId);
      if (!account) return noAccount;
      const { values, fieldErrors } = amounts(account, {
        amount: input.amount,
        minCashBalance: input.type === "conditional" ? input.minCashBalance : undefined,
      });
      if (Object.keys(fieldErrors).length) return { ok: false, message: "Please check the highlighted fields.", fieldErrors };
      const id = `grant_${randomUUID()}`;
      const result = await engine.grantCredit(db.store, now, {
        id,
        accountId: account.id,
        type: input.type,
        amount: values.amount!,
        percent: input.type === "discount" ? Number(input.percent) : undefined,
        validDays: input.validDays,
        restrictions: input.adProducts.length ? { adProducts: input.adProducts } : undefined,
        requirement: values.minCashBalance !== undefined ? { minCashBalance: values.minCashBalance } : undefined,
        name: input.name,
      });
      if (!result.ok) return { ok: false, message: couldNot("grant the credit", result) };
      const what = `${creditTypeLabel[input.type].toLowerCase()} of ${formatMoney(values.amount!, account.currency)}`;
      return {
        ok: true,
        message: `Granted a ${what} to ${account.name}, valid ${input.validDays} days.`,
        log: { action: "grant_credit", detail: { creditId: id, accountId: account.id, amount: values.amount, summary: `granted a ${what} to ${account.name}` } },
      };
    },
    { multi: ["adProducts"] },
  );
}

const allocationSchema = z.object({
  accountId: z.string().min(1, "Choose an ad account."),
  amount: z.string({ error: "Enter an amount." }),
  validDays: wholeNumber("the validity in days", 1, 365),
});

export async function allocateFromBC(_prev: OpsState, form: unknown): Promise<OpsState> {
  return runOpsAction(allocationSchema, form, async (input, { db, now }) => {
    const account = await accountById(db, input.accountId);
    if (!account) return noAccount;
    if (!account.businessCenterId)
      return { ok: false, message: "Please check the highlighted fields.", fieldErrors: { accountId: ["This account is not in a Business Center."] } };
    const { values, fieldErrors } = amounts(account, { amount: input.amount });
    if (Object.keys(fieldErrors).length) return { ok: false, message: "Please check the highlighted fields.", fieldErrors };
    const id = `bc_${randomUUID()}`;
    const result = await engine.allocateFromBC(db.store, now, { id, accountId: account.id, amount: values.amount!, validDays: input.validDays });
    if (!result.ok) return { ok: false, message: couldNot("allocate the credit", result) };
    const amount = formatMoney(values.amount!, account.currency);
    return {
      ok: true,
      message: `Allocated ${amount} of Business Center credit to ${account.name}, valid ${input.validDays} days.`,
      log: { action: "allocate_bc", detail: { creditId: id, accountId: account.id, amount: values.amount, summary: `allocated ${amount} of Business Center credit to ${account.name}` } },
    };
  });
}

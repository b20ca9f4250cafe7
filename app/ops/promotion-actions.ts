"use server";
// Ops: create promotions (ladder, coupon, discount) and issue their codes, one named or many generated.
import { randomBytes, randomInt } from "node:crypto";
import { z } from "zod";
import type { AppDb } from "@/db/app";
import { adProducts, currencies, issuableCreditTypes, promotionKinds } from "@/db/schema";
import { runOpsAction, type OpsState } from "@/lib/actions/ops-action";
import { couldNot } from "@/lib/messages";
import * as engine from "@/lib/credits";
import { promotionName } from "@/lib/queries/ops";
import { minorPerMajor } from "@/lib/format";
import { checkbox, money, optionalText, wholeNumber } from "./form-input";

const promotionSchema = (digits: number) =>
  z
    .object({
      name: z.string().trim().min(1, "Give the promotion a name.").max(80, "Keep the name to 80 characters."),
      kind: z.enum(promotionKinds, { error: "Choose ladder, coupon or discount." }),
      currency: z.enum(currencies, { error: "Choose a currency." }),
      creditType: z.enum(issuableCreditTypes, { error: "Choose a credit type." }).optional(),
      creditValidityDays: wholeNumber("the credit's validity in days", 1, 365),
      adProducts: z.array(z.enum(adProducts, { error: "Choose ad products from the list." })),
      selfServeOnly: checkbox,
      newAdvertisersOnly: checkbox,
      autoActivate: checkbox,
      exclusive: checkbox,
      tierCount: z.string().optional(),
      windowDays: z.string().optional(),
      amount: z.string().optional(),
      percent: z.string().optional(),
      cap: z.string().optional(),
      minCashBalance: optionalText,
      ...Object.fromEntries([1, 2, 3].flatMap((n) => [[`tier${n}Spend`, z.string().optional()], [`tier${n}Reward`, z.string().optional()]])),
    })
    .transform((v, ctx) => {
      // Kind-specific fields: parse each with its own rule, reporting the issue on that field.
      const take = <T,>(schema: z.ZodType<T>, value: unknown, path: string): T | undefined => {
        const r = schema.safeParse(value);
        if (r.success) return r.data;
        ctx.addIssue({ code: "custom", path: [path], message: r.error.issues[0]?.message ?? "Check this field." });
        return undefined;
      };
      const field = (name: string) => (v as Record<string, unknown>)[name];
      const tiers: { spend: number; reward: number }[] = [];
      if (v.kind === "ladder") {
        const count = take(wholeNumber("the number of tiers", 1, 3), v.tierCount ?? "1", "tierCount") ?? 0;
        for (let n = 1; n <= count; n++) {
          const spend = take(money(digits), field(`tier${n}Spend`), `tier${n}Spend`);
          const reward = take(money(digits), field(`tier${n}Reward`), `tier${n}Reward`);
          const previous = tiers[tiers.length - 1];
          if (spend !== undefined && previous && spend <= previous.spend)
            ctx.addIssue({ code: "custom", path: [`tier${n}Spend`], message: `Must be more than tier ${n - 1}'s spend.` });
          if (spend !== undefined && reward !== undefined) tiers.push({ spend, reward });
        }
      }
      const windowDays = v.kind === "ladder" ? take(wholeNumber("the earning window in days", 1, 365), v.windowDays, "windowDays") : undefined;
      const amount = v.kind === "coupon" ? take(money(digits), v.amount, "amount") : undefined;
      const percent = v.kind === "discount" ? take(wholeNumber("a percent", 1, 100), v.percent, "percent") : undefined;
      const cap = v.kind === "discount" ? take(money(digits), v.cap, "cap") : undefined;
      const creditType = v.kind === "discount" ? undefined : v.creditType;
      if (v.kind !== "discount" && !creditType) ctx.addIssue({ code: "custom", path: ["creditType"], message: "Choose a credit type." });
      const minCashBalance =
        creditType === "conditional" && v.minCashBalance ? take(money(digits), v.minCashBalance, "minCashBalance") : undefined;
      return {
        name: v.name,
        kind: v.kind,
        currency: v.currency,
        creditType,
        creditValidityDays: v.creditValidityDays,
        tiers: v.kind === "ladder" ? tiers : undefined,
        windowDays,
        amount,
        percent,
        cap,
        restrictions: v.adProducts.length ? { adProducts: v.adProducts } : {},
        requirement: minCashBalance !== undefined ? { minCashBalance } : {},
        eligibility: { ...(v.selfServeOnly && { selfServeOnly: true }), ...(v.newAdvertisersOnly && { newAdvertisersOnly: true }) },
        autoActivate: v.autoActivate,
        exclusive: v.exclusive,
      };
    });

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 32) || "promotion";

export async function createPromotion(_prev: OpsState, form: unknown): Promise<OpsState> {
  // Money fields are read in the chosen currency's decimals, once the operator is checked.
  const schemaFor = (raw: Record<string, unknown>) => {
    const currency = z.enum(currencies).safeParse(raw.currency);
    return promotionSchema(currency.success ? Math.log10(minorPerMajor(currency.data)) : 2);
  };
  return runOpsAction(
    schemaFor,
    form,
    async (input, { db, now }) => {
      // Ids are the server's: a readable slug plus a random suffix, never typed by a person.
      const id = `promo_${slug(input.name)}_${randomBytes(3).toString("hex")}`;
      const result = await engine.createPromotion(db.store, now, { id, ...input });
      if (!result.ok) return { ok: false, message: couldNot("create the promotion", result) };
      return {
        ok: true,
        message: `Created “${input.name}”. Issue codes for it from the list.`,
        log: { action: "create_promotion", detail: { promotionId: id, kind: input.kind, summary: `created the ${input.kind} promotion “${input.name}”` } },
      };
    },
    { multi: ["adProducts"] },
  );
}

const codeSchema = z
  .object({
    promotionId: z.string().min(1, "Choose a promotion."),
    mode: z.enum(["named", "bulk"], { error: "Choose one code or many." }),
    code: optionalText,
    prefix: optionalText,
    count: z.string().optional(),
    activationDays: wholeNumber("the days to activate", 1, 365),
    maxRedemptions: wholeNumber("the maximum redemptions", 1, 100_000),
  })
  .transform((v, ctx) => {
    if (v.mode === "named") {
      if (!v.code || !/^[A-Za-z0-9][A-Za-z0-9 -]{0,39}$/.test(v.code))
        ctx.addIssue({ code: "custom", path: ["code"], message: "Use 1 to 40 letters, digits, spaces or dashes, like SPRING-50." });
      return { ...v, count: 1 };
    }
    const count = wholeNumber("how many codes", 1, 500).safeParse(v.count ?? "");
    if (!count.success) ctx.addIssue({ code: "custom", path: ["count"], message: count.error.issues[0]?.message ?? "Use 1 to 500." });
    if (!v.prefix || !/^[A-Za-z0-9]{1,16}$/.test(v.prefix))
      ctx.addIssue({ code: "custom", path: ["prefix"], message: "Use 1 to 16 letters or digits, like SPRING." });
    return { ...v, count: count.success ? count.data : 0 };
  });

// No 0/O or 1/I/L: codes are read aloud and typed by hand.
const alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const chunk = (n: number) => Array.from({ length: n }, () => alphabet[randomInt(alphabet.length)]).join("");
const generated = (prefix: string) => `${prefix.toUpperCase()}-${chunk(4)}-${chunk(2)}`;

export async function issueCodes(_prev: OpsState, form: unknown): Promise<OpsState> {
  return runOpsAction(codeSchema, form, async (input, { db, now }) => {
    const issued: string[] = [];
    const wanted = input.mode === "named" ? [input.code!] : Array.from({ length: input.count }, () => generated(input.prefix!));
    for (const first of wanted) {
      // A generated code that collides with an existing one is drawn again (a few times at most).
      let code = first;
      for (let attempt = 0; ; attempt++) {
        const r = await engine.issueCode(db.store, now, { code, promotionId: input.promotionId, activationDays: input.activationDays, maxRedemptions: input.maxRedemptions });
        if (r.ok) {
          issued.push(code);
          break;
        }
        if (r.error === "already_exists" && input.mode === "named")
          return { ok: false, message: "Please check the highlighted fields.", fieldErrors: { code: ["That code already exists. Choose another."] } };
        if (r.error !== "already_exists" || attempt >= 3) {
          if (issued.length === 0) return { ok: false, message: couldNot("issue the codes", r) };
          return logIssued(db, issued, input.promotionId, `Issued ${issued.length} of ${wanted.length} codes, then stopped: ${couldNot("issue the rest", r)}`);
        }
        code = generated(input.prefix!);
      }
    }
    return logIssued(db, issued, input.promotionId, issued.length === 1 ? `Issued ${issued[0]}.` : `Issued ${issued.length} codes.`);
  });
}

async function logIssued(db: AppDb, codes: string[], promotionId: string, message: string) {
  const promotion = (await promotionName(db, promotionId)) ?? promotionId;
  return {
    ok: true as const,
    message,
    codes,
    log: { action: "issue_codes", detail: { promotionId, count: codes.length, summary: `issued ${codes.length === 1 ? `code ${codes[0]}` : `${codes.length} codes`} for “${promotion}”` } },
  };
}

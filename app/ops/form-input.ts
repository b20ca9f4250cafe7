// The small field rules the ops forms share (forms are read into plain values by lib/actions/input.ts).
import { z } from "zod";
import { parseMoney } from "@/lib/money-input";

export const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on");

/** A whole number between min and max, typed as text. */
export const wholeNumber = (what: string, min: number, max: number) =>
  z
    .string({ error: `Enter ${what}.` })
    .trim()
    .min(1, `Enter ${what}.`)
    .regex(/^\d+$/, `Enter ${what} as a whole number.`)
    .transform(Number)
    .pipe(z.number().min(min, `Use ${min} to ${max}.`).max(max, `Use ${min} to ${max}.`));

/** Money typed in major units ("200.00") to integer minor units, for a currency with `digits` decimals. */
export const money = (digits = 2) =>
  z.string({ error: "Enter an amount." }).transform((s, ctx) => {
    const r = parseMoney(s, digits);
    if (r.ok) return r.minor;
    ctx.addIssue({ code: "custom", message: r.message });
    return z.NEVER;
  });

/** Parses an optional field only when it is present and not blank. */
export const optionalText = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v.trim() : undefined));

// The daily budget an advertiser may set, per currency, in minor units. The same numbers serve every
// currency we support: 2,000 minor units is $20.00 / €20.00 / £20.00 / C$20.00 / A$20.00, and ¥2,000 for
// the yen, which has no minor unit. The engine accepts any non-negative budget (scenario files use 0);
// these bounds are the product's.
import { z } from "zod";
import { formatMoney, minorPerMajor } from "@/lib/format";
import { parseMoney } from "@/lib/money-input";

export const MIN_DAILY_BUDGET = 2_000;
export const MAX_DAILY_BUDGET = 100_000_000;

/** Decimals a person may type for the currency (2 for USD, 0 for JPY). */
export const currencyDigits = (currency: string) => Math.round(Math.log10(minorPerMajor(currency)));

export const budgetHint = (currency: string) =>
  `At least ${formatMoney(MIN_DAILY_BUDGET, currency)} a day, at most ${formatMoney(MAX_DAILY_BUDGET, currency)}.`;

/** A daily budget typed in major units ("50", "50.00") into minor units, within the bounds above. */
export function dailyBudget(currency: string) {
  return z.string({ error: "Enter a daily budget." }).transform((text, ctx) => {
    const r = parseMoney(text, currencyDigits(currency));
    if (!r.ok) {
      ctx.addIssue({ code: "custom", message: r.message === "Enter an amount." ? "Enter a daily budget." : r.message });
      return z.NEVER;
    }
    if (r.minor < MIN_DAILY_BUDGET || r.minor > MAX_DAILY_BUDGET) {
      ctx.addIssue({ code: "custom", message: `The daily budget must be ${budgetHint(currency).replace(/^A/, "a").replace(/\.$/, "")}.` });
      return z.NEVER;
    }
    return r.minor;
  });
}

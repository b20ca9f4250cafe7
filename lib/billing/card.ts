// The sandbox card form's checks: Luhn, the brand read from the number, an expiry that is not past, a
// security code of the brand's length. Only brand, last four digits and expiry leave this module; the
// number and the code are checked and dropped.
import { z } from "zod";
import type { CardBrand } from "@/db/schema";

export const cardBrandLabel: Record<CardBrand, string> = {
  visa: "Visa",
  mastercard: "Mastercard",
  amex: "American Express",
  discover: "Discover",
  jcb: "JCB",
  diners: "Diners Club",
  unionpay: "UnionPay",
};

/** The Luhn (mod 10) check every card number passes. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

const between = (digits: string, length: number, low: number, high: number) => {
  const n = Number(digits.slice(0, length));
  return digits.length >= length && n >= low && n <= high;
};

/** Issuer prefixes and lengths (ISO/IEC 7812 ranges as the card networks publish them). */
const brands: { brand: CardBrand; matches: (d: string) => boolean; lengths: number[] }[] = [
  { brand: "amex", matches: (d) => between(d, 2, 34, 34) || between(d, 2, 37, 37), lengths: [15] },
  { brand: "visa", matches: (d) => d.startsWith("4"), lengths: [13, 16, 19] },
  { brand: "mastercard", matches: (d) => between(d, 2, 51, 55) || between(d, 4, 2221, 2720), lengths: [16] },
  {
    brand: "discover",
    matches: (d) => d.startsWith("6011") || d.startsWith("65") || between(d, 3, 644, 649),
    lengths: [16, 17, 18, 19],
  },
  { brand: "jcb", matches: (d) => between(d, 4, 3528, 3589), lengths: [16, 17, 18, 19] },
  {
    brand: "diners",
    matches: (d) => between(d, 3, 300, 305) || d.startsWith("36") || d.startsWith("38") || d.startsWith("39"),
    lengths: [14, 15, 16, 17, 18, 19],
  },
  { brand: "unionpay", matches: (d) => d.startsWith("62"), lengths: [16, 17, 18, 19] },
];

/** The brand a card number belongs to, or null when no network issues it at that length. */
export function cardBrand(digits: string): CardBrand | null {
  const found = brands.find((b) => b.matches(digits));
  return found && found.lengths.includes(digits.length) ? found.brand : null;
}

/** "MM/YY" (or MM/YYYY, spaces allowed) into month and full year. */
export function parseExpiry(text: string): { month: number; year: number } | null {
  const m = /^\s*(\d{1,2})\s*\/\s*(\d{2}|\d{4})\s*$/.exec(text);
  if (!m) return null;
  const month = Number(m[1]);
  const year = m[2]!.length === 2 ? 2000 + Number(m[2]) : Number(m[2]);
  return month >= 1 && month <= 12 ? { month, year } : null;
}

export const NOT_ACCEPTED = "We accept Visa, Mastercard, American Express, Discover, JCB, Diners Club and UnionPay.";

/**
 * The card form, checked at `now` (the app's clock). The output is what may be stored; the number and
 * security code do not survive the parse.
 */
export function cardForm(now: number) {
  const nowDate = new Date(now);
  return z
    .object({
      number: z.string({ error: "Enter the card number." }).transform((s) => s.replace(/[\s-]/g, "")),
      expiry: z.string({ error: "Enter the expiry date as MM/YY." }),
      cvc: z.string({ error: "Enter the security code." }).trim(),
      // Checked in the transform below with the rest, so every field's error shows at once.
      name: z.string({ error: "Enter the name on the card." }).trim(),
    })
    .transform((form, ctx) => {
      const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
      const digits = form.number;
      let brand: CardBrand | null = null;
      if (digits === "") issue("number", "Enter the card number.");
      else if (!/^\d{12,19}$/.test(digits)) issue("number", "A card number has 12 to 19 digits.");
      else if (!luhnValid(digits)) issue("number", "This card number isn't valid. Check the digits and try again.");
      else if (!(brand = cardBrand(digits))) issue("number", NOT_ACCEPTED);

      const expiry = parseExpiry(form.expiry);
      if (!expiry) issue("expiry", "Enter the expiry date as MM/YY, for example 08/29.");
      else if (Date.UTC(expiry.year, expiry.month, 1) <= now) issue("expiry", "This card has expired. Use a card that is still valid.");
      else if (expiry.year > nowDate.getUTCFullYear() + 20) issue("expiry", "Check the expiry year: it is too far ahead.");

      const cvcLength = brand === "amex" ? 4 : 3;
      if (!new RegExp(`^\\d{${cvcLength}}$`).test(form.cvc))
        issue("cvc", `Enter the ${cvcLength}-digit security code${brand === "amex" ? " on the front of the card" : " on the back of the card"}.`);

      if (form.name === "") issue("name", "Enter the name on the card.");
      else if (form.name.length > 100) issue("name", "Use at most 100 characters.");

      if (!brand || !expiry || ctx.issues.length > 0) return z.NEVER;
      return { brand, last4: digits.slice(-4), expMonth: expiry.month, expYear: expiry.year, name: form.name };
    });
}

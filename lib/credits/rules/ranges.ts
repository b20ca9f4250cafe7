// Range checks shared by every operation (SPEC §5, Settled details: a range one operation checks, its
// siblings check the same way). A value of the right type but out of range is `invalid_input`.
import type { Eligibility, Requirement, Restrictions } from "@/db/schema";

/** An id the file or the app chooses: not blank, at most 200 characters. */
export const validId = (id: string) => id.trim().length > 0 && id.length <= 200;

/** ISO 3166-1 alpha-2, as an account's country is written. */
export const validCountry = (c: string) => /^[A-Z]{2}$/.test(c);

/** ISO 4217, as an account's or a promotion's currency is written. */
export const validCurrency = (c: string) => /^[A-Z]{3}$/.test(c);

export const validCountries = (list: readonly string[] | undefined) => list === undefined || list.every(validCountry);

/** A usage requirement's cash balance is a non-negative integer, on a promotion and a granted credit alike. */
export const validRequirement = (r: Requirement | undefined) =>
  r?.minCashBalance === undefined || (Number.isSafeInteger(r.minCashBalance) && r.minCashBalance >= 0);

export const validRestrictions = (r: Restrictions | undefined) => validCountries(r?.countries);
export const validEligibility = (e: Eligibility | undefined) => validCountries(e?.countries);

/** An IANA time zone the runtime knows (dates are printed in it). */
export function validTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

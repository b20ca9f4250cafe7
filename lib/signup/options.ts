// What the sign-up form offers: countries (each with the currency and time zone it defaults to),
// industries, currencies and billing methods. Plain data, shared by the form and the server's checks, and
// free of database imports so the browser bundle stays small.
import type { Currency } from "@/db/schema";

export const PASSWORD_MIN = 10;
export const EMAIL_TAKEN = "An account with this email already exists. Sign in instead, or use another email address.";

export type Country = { code: string; name: string; currency: Currency; timeZone: string };

export const countries: Country[] = [
  { code: "US", name: "United States", currency: "USD", timeZone: "America/New_York" },
  { code: "CA", name: "Canada", currency: "CAD", timeZone: "America/Toronto" },
  { code: "GB", name: "United Kingdom", currency: "GBP", timeZone: "Europe/London" },
  { code: "IE", name: "Ireland", currency: "EUR", timeZone: "Europe/Dublin" },
  { code: "DE", name: "Germany", currency: "EUR", timeZone: "Europe/Berlin" },
  { code: "FR", name: "France", currency: "EUR", timeZone: "Europe/Paris" },
  { code: "ES", name: "Spain", currency: "EUR", timeZone: "Europe/Madrid" },
  { code: "IT", name: "Italy", currency: "EUR", timeZone: "Europe/Rome" },
  { code: "NL", name: "Netherlands", currency: "EUR", timeZone: "Europe/Amsterdam" },
  { code: "JP", name: "Japan", currency: "JPY", timeZone: "Asia/Tokyo" },
  { code: "AU", name: "Australia", currency: "AUD", timeZone: "Australia/Sydney" },
];

export const countryByCode = (code: string) => countries.find((c) => c.code === code);

export const industryIds = [
  "retail",
  "apparel",
  "beauty",
  "food",
  "travel",
  "games",
  "apps",
  "education",
  "finance",
  "home",
  "health",
  "other",
] as const;
export type Industry = (typeof industryIds)[number];

export const industryLabel: Record<Industry, string> = {
  retail: "Retail and e-commerce",
  apparel: "Apparel and accessories",
  beauty: "Beauty and personal care",
  food: "Food and beverage",
  travel: "Travel and hospitality",
  games: "Games",
  apps: "Apps and software",
  education: "Education",
  finance: "Financial services",
  home: "Home and garden",
  health: "Health and fitness",
  other: "Other",
};

export const currencyNames: Record<Currency, string> = {
  USD: "US dollar (USD)",
  EUR: "Euro (EUR)",
  GBP: "British pound (GBP)",
  JPY: "Japanese yen (JPY)",
  CAD: "Canadian dollar (CAD)",
  AUD: "Australian dollar (AUD)",
};
/** Every currency, in the form's order; the Record above makes the compiler insist on all of them. */
export const currencyOptions = Object.entries(currencyNames).map(([code, name]) => ({ code, name }));

/** Billing methods a self-serve advertiser can choose; invoicing (a credit line) is arranged with sales. */
export const selfServeBilling = [
  { id: "manual", label: "Manual payment", hint: "Add funds before your ads run; delivery is paid from that balance." },
  { id: "automatic", label: "Automatic payment", hint: "We charge your card when spend reaches your billing threshold and on the 1st of each month." },
] as const;

/** Every IANA time zone this server knows, for the form and for checking what it sends back. */
export function timeZones(): string[] {
  return ["UTC", ...Intl.supportedValuesOf("timeZone").filter((z) => z !== "UTC")];
}

export function isTimeZone(zone: string): boolean {
  return timeZones().includes(zone);
}

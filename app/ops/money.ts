// The symbol a money field shows in front of the amount, for a currency.
export function currencySymbol(currency: string): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency }).formatToParts(0).find((p) => p.type === "currency")?.value ?? currency;
}

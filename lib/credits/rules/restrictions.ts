// Whether a restriction set admits an ad product and a country. Absent or empty lists admit everything.
import type { AdProduct, Restrictions } from "@/db/schema";

export function admitsProduct(r: Restrictions, product: AdProduct): boolean {
  return !r.adProducts?.length || r.adProducts.includes(product);
}

export function admitsCountry(r: Restrictions, country: string): boolean {
  return !r.countries?.length || r.countries.includes(country);
}

export function admits(r: Restrictions, product: AdProduct, country: string): boolean {
  return admitsProduct(r, product) && admitsCountry(r, country);
}

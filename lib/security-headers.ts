// The Content-Security-Policy every page and route answers with (set by proxy.ts, with a fresh nonce per
// request; Next reads the nonce from the request's CSP header and puts it on its own scripts), and the
// rule for HSTS. The headers that never change (nosniff, Referrer-Policy, frame options, and for all but
// Next's build files Permissions-Policy and COOP) come from next.config.mjs.

export type CspOptions = { nonce: string; dev: boolean; https: boolean };

export function contentSecurityPolicy({ nonce, dev, https }: CspOptions): string {
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic': scripts Next's nonce-bearing runtime loads are trusted; nothing else runs. React
    // needs eval only in development (error stacks); never in production.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' ${dev ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    // Style attributes (a progress bar's width) cannot carry a nonce; they cannot run script either.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** Two years, subdomains included: sent only on responses that came over https (browsers ignore it on http). */
export const strictTransportSecurity = "max-age=63072000; includeSubDomains";

/** Whether the request reached us over https, directly or through a proxy that says so. */
export function viaHttps(url: URL, headers: Headers): boolean {
  const forwarded = headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return forwarded ? forwarded === "https" : url.protocol === "https:";
}

export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
}


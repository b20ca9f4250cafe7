// The Content-Security-Policy proxy.ts sends (issue 9).
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, viaHttps } from "./security-headers";

const directives = (csp: string) => new Map(csp.split("; ").map((d) => [d.split(" ")[0]!, d.split(" ").slice(1)]));

describe("content security policy", () => {
  it("allows only nonce-bearing scripts in production, never eval, and no framing", () => {
    const csp = directives(contentSecurityPolicy({ nonce: "abc", dev: false, https: false }));
    expect(csp.get("script-src")).toEqual(["'self'", "'nonce-abc'", "'strict-dynamic'"]);
    expect(csp.get("style-src")).toEqual(["'self'", "'nonce-abc'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
  });

  it("adds eval only in development, and upgrades requests only over https", () => {
    expect(contentSecurityPolicy({ nonce: "n", dev: true, https: false })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy({ nonce: "n", dev: false, https: true })).toContain("upgrade-insecure-requests");
  });

  it("draws a new nonce each time", () => {
    const nonces = new Set(Array.from({ length: 50 }, newNonce));
    expect(nonces.size).toBe(50);
    for (const n of nonces) expect(n).toMatch(/^[A-Za-z0-9+/]{24}$/);
  });

  it("knows https from the URL or from the proxy in front", () => {
    expect(viaHttps(new URL("https://a.example/"), new Headers())).toBe(true);
    expect(viaHttps(new URL("http://a.example/"), new Headers({ "x-forwarded-proto": "https" }))).toBe(true);
    expect(viaHttps(new URL("http://a.example/"), new Headers({ "x-forwarded-proto": "http" }))).toBe(false);
  });
});

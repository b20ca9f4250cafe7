// `?next=` after sign-in (issue 9): honoured only for a path on this site.
import { describe, expect, it } from "vitest";
import { loginPath, safeNextPath } from "./next-path";

describe("next path", () => {
  it("keeps same-site paths with their query", () => {
    expect(safeNextPath("/campaigns?aadvid=acc_outdoors")).toBe("/campaigns?aadvid=acc_outdoors");
    expect(safeNextPath("/")).toBe("/");
    expect(safeNextPath("/tools/payments/promotions?tab=earning&log=cr_1")).toBe("/tools/payments/promotions?tab=earning&log=cr_1");
  });

  it("refuses anything that could leave the site, and the login page itself", () => {
    for (const bad of [
      "//evil.example",
      "/\\evil.example",
      "/\t/evil.example",
      "https://evil.example/",
      "javascript:alert(1)",
      "evil.example",
      "",
      "/login?next=/",
      ["/"],
      undefined,
      "/" + "a".repeat(2000),
    ])
      expect(safeNextPath(bad), JSON.stringify(bad)).toBeNull();
  });

  it("builds the login URL with the page to come back to", () => {
    expect(loginPath("/campaigns?aadvid=acc_outdoors")).toBe("/login?next=%2Fcampaigns%3Faadvid%3Dacc_outdoors");
    expect(safeNextPath(new URLSearchParams(loginPath("/a?b=c").split("?")[1]).get("next"))).toBe("/a?b=c");
  });
});

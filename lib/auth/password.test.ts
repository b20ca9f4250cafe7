// Password hashing (issue 9): scrypt runs off the event loop, and stored hashes are checked strictly.
import { describe, expect, it } from "vitest";
import { hashPassword, hashPasswordSync, verifyPassword } from "./password";

describe("passwords", () => {
  it("verifies the right password and refuses a wrong one, for async and seed hashes alike", async () => {
    for (const stored of [await hashPassword("correct horse"), hashPasswordSync("correct horse")]) {
      expect(await verifyPassword("correct horse", stored)).toBe(true);
      expect(await verifyPassword("correct hors", stored)).toBe(false);
    }
  });

  it("hashes off the event loop: other callbacks run while a hash is computed", async () => {
    const order: string[] = [];
    const hashing = hashPassword("promotions").then(() => order.push("hash"));
    setImmediate(() => order.push("event loop"));
    await hashing;
    expect(order).toEqual(["event loop", "hash"]);
  });

  it("queues a burst of hashes and finishes every one", async () => {
    const stored = await hashPassword("p");
    const results = await Promise.all(Array.from({ length: 9 }, (_, i) => verifyPassword(i % 3 ? "p" : "q", stored)));
    expect(results.filter(Boolean)).toHaveLength(6);
  });

  it("refuses a stored hash with other parameters instead of running them", async () => {
    const [scheme, , salt, key] = (await hashPassword("p")).split("$");
    expect(await verifyPassword("p", [scheme, "1048576", salt, key].join("$"))).toBe(false);
    expect(await verifyPassword("p", "plain-text")).toBe(false);
    expect(await verifyPassword("p", `scrypt$16384$${salt}$AAAA`)).toBe(false);
  });
});

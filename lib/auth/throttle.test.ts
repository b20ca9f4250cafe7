// Sign-in and sign-up throttling (issue 9): per email and per client address, in a window, kept in the database.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sqliteAppDb } from "@/db/app";
import { openDb as openSqlite } from "@/db/client";
import { clientAddress, forgiveAttempt, takeAttempt, throttleLimits, waitMessage } from "./throttle";

const MINUTE = 60_000;
const openDb = (file: string) => sqliteAppDb(openSqlite(file));
const T0 = Date.UTC(2026, 0, 1);

describe("sign-in throttle", () => {
  it("locks an email after five failures for the rest of its 15-minute window, and says how long", async () => {
    const db = openDb(":memory:");
    for (let i = 0; i < 5; i++) expect((await takeAttempt(db, "sign_in", { email: "a@example.com" }, T0 + i * MINUTE)).ok).toBe(true);
    const refused = await takeAttempt(db, "sign_in", { email: "A@Example.com " }, T0 + 5 * MINUTE);
    // The first failure leaves the window at T0 + 15 min: ten minutes from now.
    expect(refused).toEqual({ ok: false, error: "throttled", retryAfterMs: 10 * MINUTE, message: "Too many sign-in attempts. Please wait and try again in 10 minutes." });
    expect((await takeAttempt(db, "sign_in", { email: "b@example.com" }, T0 + 5 * MINUTE)).ok).toBe(true);
    expect((await takeAttempt(db, "sign_in", { email: "a@example.com" }, T0 + 15 * MINUTE - 1)).ok).toBe(false);
    expect((await takeAttempt(db, "sign_in", { email: "a@example.com" }, T0 + 15 * MINUTE)).ok).toBe(true);
  });

  it("counts attempts in flight, so concurrent requests cannot all slip past the limit", async () => {
    const db = openDb(":memory:");
    // Nothing has failed yet (no hash finished), but five attempts are reserved.
    const results = await Promise.all(Array.from({ length: 8 }, () => takeAttempt(db, "sign_in", { email: "a@example.com", address: "10.0.0.1" }, T0)));
    expect(results.map((r) => r.ok)).toEqual([true, true, true, true, true, false, false, false]);
  });

  it("locks a client address after thirty failures, whichever emails they named", async () => {
    const db = openDb(":memory:");
    const { max } = throttleLimits.sign_in.address;
    for (let i = 0; i < max; i++) expect((await takeAttempt(db, "sign_in", { email: `u${i}@example.com`, address: "10.0.0.9" }, T0)).ok).toBe(true);
    expect((await takeAttempt(db, "sign_in", { email: "new@example.com", address: "10.0.0.9" }, T0)).ok).toBe(false);
    expect((await takeAttempt(db, "sign_in", { email: "new@example.com", address: "10.0.0.10" }, T0)).ok).toBe(true);
  });

  it("forgives an email's failures on success, but not the address's", async () => {
    const db = openDb(":memory:");
    for (let i = 0; i < 4; i++) await takeAttempt(db, "sign_in", { email: "a@example.com", address: "10.0.0.1" }, T0);
    const success = await takeAttempt(db, "sign_in", { email: "a@example.com", address: "10.0.0.1" }, T0);
    if (!success.ok) throw new Error("the fifth attempt is allowed");
    await forgiveAttempt(db, success);
    for (let i = 0; i < 5; i++) expect((await takeAttempt(db, "sign_in", { email: "a@example.com" }, T0)).ok).toBe(true);
    const rows = db.sqlite.prepare("select count(*) as n from auth_attempts where key = 'address:10.0.0.1'").get() as { n: number };
    expect(rows.n).toBe(4);
  });

  it("survives a restart: the lockout is in the database file", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "throttle-"));
    try {
      const file = path.join(dir, "t.db");
      const first = openDb(file);
      for (let i = 0; i < 5; i++) await takeAttempt(first, "sign_in", { email: "a@example.com" }, T0);
      first.sqlite.close();
      const second = openDb(file);
      expect((await takeAttempt(second, "sign_in", { email: "a@example.com" }, T0 + MINUTE)).ok).toBe(false);
      second.sqlite.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("prunes attempts older than every window as new ones arrive", async () => {
    const db = openDb(":memory:");
    for (let i = 0; i < 3; i++) await takeAttempt(db, "sign_up", { email: `u${i}@example.com`, address: "10.0.0.1" }, T0);
    await takeAttempt(db, "sign_in", { email: "late@example.com" }, T0 + 61 * MINUTE);
    const left = db.sqlite.prepare("select key from auth_attempts").all();
    expect(left).toEqual([{ key: "email:late@example.com" }]);
  });
});

describe("sign-up throttle", () => {
  it("counts every attempt per address: twenty an hour", async () => {
    const db = openDb(":memory:");
    for (let i = 0; i < 20; i++) expect((await takeAttempt(db, "sign_up", { email: `n${i}@example.com`, address: "::1" }, T0)).ok).toBe(true);
    const refused = await takeAttempt(db, "sign_up", { email: "n20@example.com", address: "::1" }, T0 + 30 * MINUTE);
    expect(refused).toMatchObject({ ok: false, retryAfterMs: 30 * MINUTE, message: "Too many sign-up attempts. Please wait and try again in 30 minutes." });
  });
});

describe("client address and wording", () => {
  it("takes the last X-Forwarded-For hop, the one the nearest proxy added", async () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.9, 10.0.0.1" }))).toBe("10.0.0.1");
    expect(clientAddress(new Headers({ "x-forwarded-for": "::ffff:127.0.0.1" }))).toBe("::ffff:127.0.0.1");
    expect(clientAddress(new Headers({ "x-forwarded-for": "<script>" }))).toBe("unknown");
    expect(clientAddress(new Headers())).toBe("unknown");
  });

  it("rounds the wait up, in seconds under a minute", async () => {
    expect(waitMessage("sign_in", 40_500)).toBe("Too many sign-in attempts. Please wait and try again in 41 seconds.");
    expect(waitMessage("sign_in", 61_000)).toBe("Too many sign-in attempts. Please wait and try again in 2 minutes.");
    expect(waitMessage("sign_up", 60_000)).toBe("Too many sign-up attempts. Please wait and try again in 1 minute.");
  });
});


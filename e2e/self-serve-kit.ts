// Set-up for the self-serve end-to-end tests: users and ad accounts made in the e2e database from the test
// process (users and memberships directly, as the seed does; accounts through the engine), so each test has
// its own and none depends on another's order.
import { randomUUID } from "node:crypto";
import { expect, type Browser } from "@playwright/test";
import { eq } from "drizzle-orm";
import { memberships, users, type Role } from "@/db/schema";
import * as engine from "@/lib/credits";
import { e2eDb, signIn } from "./helpers";

export const db = () => e2eDb();
export const now = () => engine.clockNow(db())!;
export const uid = () => randomUUID().slice(0, 8);

export function must<T extends object>(what: string, r: engine.Result<T>): T {
  if (!r.ok) throw new Error(`${what}: ${r.error}`);
  return r;
}

/** A user whose password is the demo password (the seeded hash is reused), so `signIn` works. */
export function freshUser(label = "member") {
  const hash = db().select().from(users).where(eq(users.email, "admin@example.com")).get()!.passwordHash;
  const id = `usr_e2e_${uid()}`;
  const email = `${label}.${uid()}@example.com`;
  db().insert(users).values({ id, email, name: `${label[0]!.toUpperCase()}${label.slice(1)} ${id.slice(-4)}`, passwordHash: hash, createdAt: now() }).run();
  return { id, email };
}

/** A self-serve USD account (through the engine) with `userId` as its only member. */
export function freshAccount(userId: string, opts: Partial<Parameters<typeof engine.createAccount>[2]> = {}, role: Role = "admin") {
  const id = `acc_e2e_${uid()}`;
  must("account", engine.createAccount(db(), now(), { id, name: `Shop ${id.slice(-8)}`, timeZone: "America/New_York", ...opts }));
  db().insert(memberships).values({ userId, accountId: id, role }).run();
  return id;
}

/** Ops move the sandbox clock a day from the console, in a page of their own. */
export async function advanceOneDay(browser: Browser) {
  const ops = await browser.newPage();
  await signIn(ops, "ops@example.com");
  await ops.getByRole("button", { name: "Advance 1 day" }).click();
  await expect(ops.getByRole("status").filter({ hasText: "Moved a day" })).toBeVisible({ timeout: 60_000 });
  await ops.close();
}

import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sqliteAppDb } from "@/db/app";
import { openDb } from "@/db/client";
import { membershipLog, memberships, users } from "@/db/schema";
import * as engine from "@/lib/credits";
import { addMember, changeRole, removeMember } from "./members";

const T = Date.UTC(2026, 0, 1);

async function world() {
  const db = openDb(":memory:");
  await engine.initClock(db, T);
  await engine.createAccount(db, T, { id: "a1" });
  await engine.createAccount(db, T, { id: "a2" });
  db.insert(users)
    .values(["ann", "bob", "cat", "dan"].map((n) => ({ id: n, email: `${n}@example.com`, name: n, passwordHash: "x", createdAt: T })))
    .run();
  db.insert(memberships)
    .values([
      { userId: "ann", accountId: "a1", role: "admin" },
      { userId: "bob", accountId: "a1", role: "analyst" },
      { userId: "dan", accountId: "a2", role: "admin" },
    ])
    .run();
  const app = sqliteAppDb(db);
  const members = (accountId = "a1") =>
    db
      .select()
      .from(memberships)
      .where(eq(memberships.accountId, accountId))
      .all()
      .map((m) => `${m.userId}:${m.role}`)
      .sort();
  const logRows = () => db.select().from(membershipLog).all().map(({ id: _id, ...r }) => r);
  return { db, app, members, logRows };
}

describe("members", () => {
  it("an admin adds an existing user by email (any case) with a role, and the change is logged with who and when", async () => {
    const { app, members, logRows } = await world();
    expect(await addMember(app, T + 1, { accountId: "a1", actorUserId: "ann", email: " CAT@Example.com ", role: "operator" })).toEqual({ ok: true, userId: "cat" });
    expect(members()).toEqual(["ann:admin", "bob:analyst", "cat:operator"]);
    expect(logRows()).toEqual([{ accountId: "a1", actorUserId: "ann", userId: "cat", action: "add", role: "operator", previousRole: null, at: T + 1 }]);
  });

  it("refuses unknown users, existing members, and non-admin actors, changing nothing", async () => {
    const { app, members, logRows } = await world();
    expect(await addMember(app, T, { accountId: "a1", actorUserId: "ann", email: "nobody@example.com", role: "analyst" })).toEqual({ ok: false, error: "user_not_found" });
    expect(await addMember(app, T, { accountId: "a1", actorUserId: "ann", email: "bob@example.com", role: "admin" })).toEqual({ ok: false, error: "already_member" });
    expect(await addMember(app, T, { accountId: "a1", actorUserId: "bob", email: "cat@example.com", role: "admin" })).toEqual({ ok: false, error: "forbidden" });
    // An admin of another account is no admin here.
    expect(await addMember(app, T, { accountId: "a1", actorUserId: "dan", email: "cat@example.com", role: "admin" })).toEqual({ ok: false, error: "forbidden" });
    expect(await removeMember(app, T, { accountId: "a1", actorUserId: "bob", userId: "ann" })).toEqual({ ok: false, error: "forbidden" });
    expect(await changeRole(app, T, { accountId: "a1", actorUserId: "ann", userId: "dan", role: "admin" })).toEqual({ ok: false, error: "not_member" });
    expect(members()).toEqual(["ann:admin", "bob:analyst"]);
    expect(logRows()).toEqual([]);
  });

  it("the last admin can neither be removed nor demoted; with a second admin, either can go", async () => {
    const { app, members, logRows } = await world();
    expect(await removeMember(app, T, { accountId: "a1", actorUserId: "ann", userId: "ann" })).toEqual({ ok: false, error: "last_admin" });
    expect(await changeRole(app, T, { accountId: "a1", actorUserId: "ann", userId: "ann", role: "operator" })).toEqual({ ok: false, error: "last_admin" });
    expect(await changeRole(app, T + 1, { accountId: "a1", actorUserId: "ann", userId: "bob", role: "admin" })).toEqual({ ok: true, changed: true });
    expect(await changeRole(app, T + 1, { accountId: "a1", actorUserId: "ann", userId: "bob", role: "admin" })).toEqual({ ok: true, changed: false });
    expect(await removeMember(app, T + 2, { accountId: "a1", actorUserId: "ann", userId: "ann" })).toEqual({ ok: true });
    expect(members()).toEqual(["bob:admin"]);
    expect(await removeMember(app, T + 3, { accountId: "a1", actorUserId: "bob", userId: "bob" })).toEqual({ ok: false, error: "last_admin" });
    expect(logRows()).toEqual([
      { accountId: "a1", actorUserId: "ann", userId: "bob", action: "change_role", role: "admin", previousRole: "analyst", at: T + 1 },
      { accountId: "a1", actorUserId: "ann", userId: "ann", action: "remove", role: null, previousRole: "admin", at: T + 2 },
    ]);
  });

  it("the membership log is append-only in the database", async () => {
    const { db, app } = await world();
    await addMember(app, T, { accountId: "a1", actorUserId: "ann", email: "cat@example.com", role: "analyst" });
    expect(() => db.update(membershipLog).set({ role: "admin" }).run()).toThrow(/append-only/);
    expect(() => db.delete(membershipLog).run()).toThrow(/append-only/);
  });
});

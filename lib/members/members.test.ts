// Memberships (not ledger data, but the same discipline): an admin-only change, the last-admin rule, a log
// row per change, each in one transaction. On SQLite and on PostgreSQL (PGlite), which must answer alike.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as engine from "@/lib/credits";
import { appDbBackends } from "@/lib/testing/app-backends";
import { addMember, changeRole, removeMember } from "./members";

const T = Date.UTC(2026, 0, 1);

const backends = appDbBackends();

describe.each(backends)("members on $name", ({ open }) => {
  async function world() {
    const app = await open();
    const { membershipLog, memberships, users } = app.tables;
    await engine.initClock(app.store, T);
    await engine.createAccount(app.store, T, { id: "a1" });
    await engine.createAccount(app.store, T, { id: "a2" });
    await app
      .insert(users)
      .values(["ann", "bob", "cat", "dan"].map((n) => ({ id: n, email: `${n}@example.com`, name: n, passwordHash: "x", createdAt: T })));
    await app.insert(memberships).values([
      { userId: "ann", accountId: "a1", role: "admin" },
      { userId: "bob", accountId: "a1", role: "analyst" },
      { userId: "dan", accountId: "a2", role: "admin" },
    ]);
    const members = async (accountId = "a1") =>
      (await app.select().from(memberships).where(eq(memberships.accountId, accountId))).map((m) => `${m.userId}:${m.role}`).sort();
    const logRows = async () => (await app.select().from(membershipLog).orderBy(membershipLog.id)).map(({ id: _id, ...r }) => r);
    return { app, members, logRows };
  }

    it("an admin adds an existing user by email (any case) with a role, and the change is logged with who and when", async () => {
      const { app, members, logRows } = await world();
      expect(await addMember(app, T + 1, { accountId: "a1", actorUserId: "ann", email: " CAT@Example.com ", role: "operator" })).toEqual({ ok: true, userId: "cat" });
      expect(await members()).toEqual(["ann:admin", "bob:analyst", "cat:operator"]);
      expect(await logRows()).toEqual([{ accountId: "a1", actorUserId: "ann", userId: "cat", action: "add", role: "operator", previousRole: null, at: T + 1 }]);
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
      expect(await members()).toEqual(["ann:admin", "bob:analyst"]);
      expect(await logRows()).toEqual([]);
    });

    it("the last admin can neither be removed nor demoted; with a second admin, either can go", async () => {
      const { app, members, logRows } = await world();
      expect(await removeMember(app, T, { accountId: "a1", actorUserId: "ann", userId: "ann" })).toEqual({ ok: false, error: "last_admin" });
      expect(await changeRole(app, T, { accountId: "a1", actorUserId: "ann", userId: "ann", role: "operator" })).toEqual({ ok: false, error: "last_admin" });
      expect(await changeRole(app, T + 1, { accountId: "a1", actorUserId: "ann", userId: "bob", role: "admin" })).toEqual({ ok: true, changed: true });
      expect(await changeRole(app, T + 1, { accountId: "a1", actorUserId: "ann", userId: "bob", role: "admin" })).toEqual({ ok: true, changed: false });
      expect(await removeMember(app, T + 2, { accountId: "a1", actorUserId: "ann", userId: "ann" })).toEqual({ ok: true });
      expect(await members()).toEqual(["bob:admin"]);
      expect(await removeMember(app, T + 3, { accountId: "a1", actorUserId: "bob", userId: "bob" })).toEqual({ ok: false, error: "last_admin" });
      expect(await logRows()).toEqual([
        { accountId: "a1", actorUserId: "ann", userId: "bob", action: "change_role", role: "admin", previousRole: "analyst", at: T + 1 },
        { accountId: "a1", actorUserId: "ann", userId: "ann", action: "remove", role: null, previousRole: "admin", at: T + 2 },
      ]);
    });

    it("the membership log is append-only in the database", async () => {
      const { app } = await world();
      const { membershipLog } = app.tables;
      await addMember(app, T, { accountId: "a1", actorUserId: "ann", email: "cat@example.com", role: "analyst" });
      // The database's own refusal (drizzle wraps PostgreSQL's error: its cause says why).
      const refusal = async (write: PromiseLike<unknown>) => {
        try {
          await write;
          return "written";
        } catch (e) {
          let cause = e as Error;
          while (cause.cause instanceof Error) cause = cause.cause;
          return cause.message;
        }
      };
      expect(await refusal(app.update(membershipLog).set({ role: "admin" }))).toMatch(/append-only/);
      expect(await refusal(app.delete(membershipLog))).toMatch(/append-only/);
    });
});

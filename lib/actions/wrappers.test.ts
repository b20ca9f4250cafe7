// The action wrappers (issue 9): the caller is checked before the input is read, anything that is not a
// form or a plain object is `invalid_input`, and an ops action's log row commits with the engine's change
// or not at all.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
vi.mock("next/headers", async () => (await import("@/lib/testing/next-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("@/lib/testing/next-request")).nextCache);

import { eq } from "drizzle-orm";
import { z } from "zod";
import { openDb, type Db } from "@/db/client";
import { adAccounts, opsLog } from "@/db/schema";
import { demo, seedDemo } from "@/db/seed";
import * as engine from "@/lib/credits";
import { must } from "@/lib/credits/test-kit";
import { signInAs } from "@/lib/testing/next-request";
import { accountAction } from "./account-action";
import { runOpsAction } from "./ops-action";

const db = openDb(":memory:");
(globalThis as unknown as { __promotionsDb?: Db }).__promotionsDb = db;
beforeAll(async () => void (await seedDemo(db)), 60_000);

const frozen = (id: string) => db.select({ frozen: adAccounts.frozen }).from(adAccounts).where(eq(adAccounts.id, id)).get()?.frozen;
const logRows = () => db.select().from(opsLog).all().length;
const freezeSchema = z.object({ accountId: z.string().min(1) });
const freezeAccount = (raw: unknown) =>
  runOpsAction(freezeSchema, raw, async ({ accountId }, { db, now }) => {
    const r = await engine.freeze(db.store, now, { accountId });
    return r.ok ? { ok: true, message: "Frozen.", log: { action: "freeze_account", detail: { accountId } } } : { ok: false, message: r.error };
  });

describe("ops action wrapper", () => {
  it("checks the operator before it reads the input", async () => {
    await signInAs(demo.users.admin);
    const schema = vi.fn(() => freezeSchema);
    expect(await runOpsAction(schema, { accountId: demo.manual }, async () => ({ ok: false, message: "never" }))).toMatchObject({ ok: false, error: "forbidden" });
    expect(schema).not.toHaveBeenCalled();
  });

  it("answers input that is not a form or a plain object with invalid_input", async () => {
    await signInAs(demo.users.ops);
    for (const raw of ["acc_outdoors", 7, null, [demo.manual], new Map()])
      expect(await freezeAccount(raw)).toMatchObject({ ok: false, error: "invalid_input" });
  });

  it("writes the log row in the engine operation's transaction", async () => {
    await signInAs(demo.users.ops);
    const before = logRows();
    const form = new FormData();
    form.set("accountId", demo.automatic);
    expect(await freezeAccount(form)).toMatchObject({ ok: true });
    expect(frozen(demo.automatic)).toBe(true);
    expect(logRows()).toBe(before + 1);
    must(await engine.unfreeze(db, (await engine.clockNow(db))!, { accountId: demo.automatic }));
  });

  it("writes no log row when the engine refuses", async () => {
    await signInAs(demo.users.ops);
    const before = logRows();
    expect(await freezeAccount({ accountId: "acc_missing" })).toMatchObject({ ok: false, message: "not_found" });
    expect(logRows()).toBe(before);
  });

  it("keeps no change when the log row cannot be written", async () => {
    await signInAs(demo.users.ops);
    db.$client.exec("create temp trigger no_log before insert on main.ops_log begin select raise(abort, 'disk full'); end;");
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      expect(await freezeAccount({ accountId: demo.automatic })).toMatchObject({ ok: false, error: "internal" });
      expect(frozen(demo.automatic)).toBe(false);
      expect(logged).toHaveBeenCalledOnce();
    } finally {
      db.$client.exec("drop trigger temp.no_log");
      logged.mockRestore();
    }
  });
});

describe("account action wrapper", () => {
  const action = accountAction(z.object({ accountId: z.string(), code: z.string().max(5) }), ["admin"], (input) => ({ ok: true, code: input.code }));

  it("authenticates, then checks membership and role, before the rest of the input", async () => {
    await signInAs(null);
    expect(await action("not even an object")).toMatchObject({ ok: false, error: "unauthenticated" });
    await signInAs(demo.users.analyst);
    expect(await action({ accountId: demo.automatic, code: 5 })).toMatchObject({ ok: false, error: "not_found" });
    expect(await action({ accountId: demo.manual, code: 5 })).toMatchObject({ ok: false, error: "forbidden" });
  });

  it("takes a form or a plain object and refuses the rest", async () => {
    await signInAs(demo.users.admin);
    const form = new FormData();
    form.set("accountId", demo.manual);
    form.set("code", "ABC");
    expect(await action(form)).toEqual({ ok: true, code: "ABC" });
    expect(await action({ accountId: demo.manual, code: "ABC" })).toEqual({ ok: true, code: "ABC" });
    for (const raw of [undefined, "x", [form], { accountId: demo.manual, code: "A\u0000" }, { accountId: demo.manual, code: 12 }])
      expect(await action(raw)).toMatchObject({ ok: false, error: "invalid_input" });
  });
});

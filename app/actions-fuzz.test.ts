// Fuzz (issue 9): every server action and route handler the app has — found by scanning app/, lib/ and
// components/ for "use server" modules and app/ for route.ts files, so actions added later are covered
// without editing this file —
// gets at least 10,000 generated, well-formed inputs in total, in process, signed in as each seeded user
// and as nobody. No exception may escape (a Next redirect is an answer), no route may answer 5xx, a refusal
// must come back as `{ ok: false, error }`, and a refused call must change no row of the database; the
// R16 audit stays clean. Over HTTP the same is checked by e2e/fuzz-http.spec.ts.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
vi.mock("next/headers", async () => (await import("@/lib/testing/next-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("@/lib/testing/next-request")).nextCache);
// Outside `next start` there is no request scope to wait for.
vi.mock("next/server", async (original) => ({ ...(await original<typeof import("next/server")>()), connection: async () => undefined }));

import { NextRequest } from "next/server";
import { openDb, type Db } from "@/db/client";
import { demo, seedDemo } from "@/db/seed";
import { audit } from "@/lib/credits/audit";
import * as schema from "@/db/schema";
import { argumentArb, fieldNames, recordArb, stringLiterals, type Pools } from "@/lib/testing/fuzz-inputs";
import { requestHeaders, signInAs } from "@/lib/testing/next-request";

const TOTAL = Number(process.env.FUZZ_INPUTS || 10_000);
const APP = path.join(process.cwd(), "app");
const SOURCES = ["app", "lib", "components"].map((dir) => path.join(process.cwd(), dir));

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : [],
  );
}

/** A "use server" module: the directive is the file's first statement (comments may come before it). */
const isServerModule = (source: string) => /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use server["']/.test(source);
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/** `arity`: how many arguments the function declares; its last one is the input, any before it form state. */
type Target = { name: string; kind: "action" | "route"; arity: number; fields: string[]; words: string[]; call: (input: Input) => Promise<unknown> };
type Input = { user: string | null; args: unknown[]; query: [string, string][]; body: string | null };

const db = openDb(":memory:");
(globalThis as unknown as { __promotionsDb?: Db }).__promotionsDb = db;

/**
 * Counts every row written to the database from now on (temporary triggers on every table but sessions and
 * sign-in attempts, which a refused sign-in may legitimately touch). A rolled-back write rolls back its count.
 */
function watchWrites(): () => number {
  const tables = db.$client
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not in ('sessions', 'auth_attempts', '__drizzle_migrations')")
    .pluck()
    .all() as string[];
  db.$client.exec("create temp table writes (n integer not null); insert into writes values (0);");
  for (const t of tables)
    for (const event of ["insert", "update", "delete"])
      db.$client.exec(`create temp trigger "watch_${event}_${t}" after ${event} on main."${t}" begin update writes set n = n + 1; end;`);
  const read = db.$client.prepare("select n from temp.writes").pluck();
  return () => read.get() as number;
}

const isNextControlFlow = (e: unknown) =>
  typeof e === "object" && e !== null && "digest" in e && /^NEXT_(REDIRECT|HTTP_ERROR_FALLBACK)/.test(String((e as { digest: unknown }).digest));

async function discover(): Promise<Target[]> {
  const targets: Target[] = [];
  for (const file of SOURCES.flatMap(files)) {
    const source = readFileSync(file, "utf8");
    const rel = path.relative(process.cwd(), file);
    const fields = fieldNames(source);
    const words = stringLiterals(source);
    if (isServerModule(source)) {
      const mod = (await import(file)) as Record<string, unknown>;
      for (const [name, fn] of Object.entries(mod))
        if (typeof fn === "function")
          targets.push({ name: `${rel} ${name}`, kind: "action", arity: fn.length, fields, words, call: (input) => (fn as (...a: unknown[]) => Promise<unknown>)(...input.args) });
    } else if (path.basename(file) === "route.ts" && file.startsWith(APP)) {
      const mod = (await import(file)) as Record<string, unknown>;
      const route = "/" + path.relative(APP, path.dirname(file)).replace(/\([^)]*\)\//g, "");
      for (const method of HTTP_METHODS) {
        const handler = mod[method];
        if (typeof handler !== "function") continue;
        targets.push({
          name: `${rel} ${method}`,
          kind: "route",
          arity: 1,
          fields,
          words,
          call: (input) => {
            const url = new URL(`http://localhost${route}`);
            for (const [k, v] of input.query) url.searchParams.append(k, v);
            const hasBody = input.body !== null && method !== "GET" && method !== "HEAD";
            return (handler as (r: NextRequest) => Promise<Response>)(
              new NextRequest(url, {
                method,
                body: hasBody ? input.body : undefined,
                headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://localhost", host: "localhost" },
              }),
            );
          },
        });
      }
    }
  }
  return targets;
}

let targets: Target[] = [];
let writes: () => number;
let pools: Omit<Pools, "words">;
/** Every enum the schema declares (currencies, credit types, ad products…). */
const enums = (Object.values(schema) as unknown[]).flatMap((v) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []));

beforeAll(async () => {
  await seedDemo(db);
  writes = watchWrites();
  targets = await discover();
  const all = (sql: string) => db.$client.prepare(sql).pluck().all() as string[];
  pools = {
    accounts: [...all("select id from ad_accounts"), "acc_missing"],
    credits: all("select id from credits"),
    campaigns: all("select id from campaigns"),
    promotions: all("select id from promotions"),
    codes: all("select display from promo_codes"),
    emails: [...all("select email from users"), "nobody@example.com"],
  };
}, 120_000);

describe("fuzzing every server action and route handler in process", () => {
  it("finds the app's actions and routes by scanning the sources", async () => {
    const names = targets.map((t) => t.name);
    // The ones that exist today; new ones join the list by themselves.
    for (const known of ["login/actions.ts signIn", "actions/sign-out.ts signOut", "promotions/actions.ts redeemCode", "ops/credit-actions.ts grantCredit", "api/coupons/route.ts GET", "switch/route.ts POST"])
      expect(names.some((n) => n.includes(known)), known).toBe(true);
  });

  it("answers every generated input without an exception, a 5xx or a change when it refuses", async () => {
    const before = await audit(db);
    expect(before).toEqual([]);
    // Each seeded user and nobody; the operator and the admin more often, so ops and assignment actions
    // get past their role checks and into the engine.
    const users = [demo.users.admin, demo.users.admin, demo.users.operator, demo.users.analyst, demo.users.ops, demo.users.ops, demo.users.ops, null];
    const odd = fc.constantFrom(undefined, new Map([["accountId", demo.manual]]), new Date(0), new Blob(["x"]));
    const input = (target: Target): fc.Arbitrary<Input> => {
      const own = { ...pools, words: [...target.words, ...enums] };
      const arg = fc.oneof({ weight: 10, arbitrary: argumentArb(target.fields, own) }, { weight: 1, arbitrary: odd });
      const params = recordArb(target.fields, own);
      return fc.record({
        user: fc.constantFrom(...users),
        // Mostly called as the action is declared (form state first, then the input), sometimes with any
        // number of arguments.
        args: fc.oneof(
          { weight: 4, arbitrary: arg.map((a) => [...Array.from({ length: Math.max(0, target.arity - 1) }, () => ({})), a]) },
          { weight: 1, arbitrary: fc.array(arg, { maxLength: 3 }) },
        ),
        query: params.map((r) => Object.entries(r).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x): [string, string] => [k, typeof x === "string" ? x : JSON.stringify(x) ?? ""]))),
        body: fc.option(params.map((r) => new URLSearchParams(Object.entries(r).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v) ?? ""])).toString()), { nil: null }),
      });
    };

    // The wrappers log what they catch; anything logged is an exception the fuzz found.
    const logged = vi.spyOn(console, "error");
    let calls = 0;
    const perTarget = Math.ceil(TOTAL / targets.length);
    for (const target of targets) {
      await fc.assert(
        fc.asyncProperty(input(target), async (given) => {
          await signInAs(given.user);
          requestHeaders.set("x-forwarded-for", `10.9.${calls % 250}.${given.user ? 1 : 2}`);
          const seen = writes();
          let result: unknown;
          calls++;
          try {
            result = await target.call(given);
          } catch (error) {
            if (isNextControlFlow(error)) return;
            throw new Error(`${target.name} threw: ${error instanceof Error ? error.stack : String(error)}`);
          }
          if (target.kind === "route") {
            const response = result as Response;
            expect(response.status, target.name).toBeLessThan(500);
            // Read the first part of a streamed body: a failure while streaming is a failure too.
            const reader = response.body?.getReader();
            await reader?.read();
            await reader?.cancel();
            if (response.status >= 400) expect(writes(), target.name).toBe(seen);
            return;
          }
          expect(() => JSON.stringify(result), target.name).not.toThrow();
          const answer = (result ?? {}) as { ok?: unknown; error?: unknown };
          if (answer.ok === false) expect(typeof answer.error, `${target.name} ${JSON.stringify(result)}`).toBe("string");
          // The wrappers turn an exception into "internal" so a user never sees a 500; here it is a bug.
          expect(answer.error, `${target.name} failed inside: ${JSON.stringify(result)}`).not.toBe("internal");
          if (answer.ok !== true) expect(writes(), `${target.name} refused but wrote to the database: ${JSON.stringify(result)}`).toBe(seen);
        }),
        { numRuns: perTarget, seed: Number(process.env.FUZZ_SEED) || undefined },
      );
    }
    expect(logged).not.toHaveBeenCalled();
    expect(calls).toBeGreaterThanOrEqual(TOTAL);
    expect(await audit(db)).toEqual([]);
  }, 600_000);
});

// Fuzz over HTTP (issue 9): every server action and route handler in the production build — found in
// Next's own manifests, so actions added later are covered without editing this file — gets generated,
// well-formed requests against `next start`, as each seeded user and as nobody: action arguments encoded as
// React encodes them (JSON, or multipart for a FormData), route handlers with any method, query and body.
// No request may answer 5xx; a request that is refused (not `"ok":true`, not a redirect) changes no row;
// the R16 audit stays clean. It runs against its own server and database (lib/testing/serve.ts), so what
// an accepted request changes cannot disturb the other end-to-end tests.
import { readFileSync } from "node:fs";
import { expect, test } from "./test";
import fc from "fast-check";
import { openDb, type Db } from "@/db/client";
import * as schema from "@/db/schema";
import { audit } from "@/lib/credits/audit";
import { argumentArb, fieldNames, recordArb, stringLiterals, toFormData, type Pools } from "@/lib/testing/fuzz-inputs";
import { actionsInBuild, encodeArgs, send, sessionCookie, signInOverHttp, routesInBuild, type Outgoing } from "@/lib/testing/http";
import { serve, type Served } from "@/lib/testing/serve";
import { PASSWORD } from "./helpers";

const PER_TARGET = Number(process.env.FUZZ_HTTP_PER_TARGET || 25);
const USERS = ["admin@example.com", "operator@example.com", "analyst@example.com", "ops@example.com"];

/** Every table's row count, and the whole of the small ones (sessions and sign-in attempts aside). */
function fingerprint(db: Db): string {
  const tables = db.$client
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not in ('sessions', 'auth_attempts', '__drizzle_migrations') order by name")
    .pluck()
    .all() as string[];
  return tables
    .map((t) => {
      const n = db.$client.prepare(`select count(*) from "${t}"`).pluck().get() as number;
      return n > 500 ? `${t}:${n}` : `${t}:${JSON.stringify(db.$client.prepare(`select * from "${t}" order by rowid`).raw().all())}`;
    })
    .join("\n");
}

/** Signs in through the sign-in action itself, which also shows the encoding reaches an action. */
async function logIn(email: string) {
  const session = sessionCookie(await signInOverHttp(served.url, email, PASSWORD));
  expect(session, email).toBeTruthy();
  cookies.set(email, session!);
}

let served: Served;
let db: Db;
const cookies = new Map<string | null, string>();

test.describe("fuzzing every server action and route handler over HTTP", () => {
  test.describe.configure({ timeout: 300_000 });

  test.beforeAll(async () => {
    served = await serve();
    db = openDb(served.dbPath);
    cookies.set(null, "");
    for (const email of USERS) await logIn(email);
  });

  test.afterAll(async () => {
    db?.$client.close();
    await served?.stop();
  });

  test("no 5xx, no change on refusal, a clean audit", async () => {
    const all = (sql: string) => db.$client.prepare(sql).pluck().all() as string[];
    const enums = (Object.values(schema) as unknown[]).flatMap((v) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []));
    const pools = (source: string): Pools => ({
      accounts: [...all("select id from ad_accounts"), "acc_missing"],
      credits: all("select id from credits"),
      campaigns: all("select id from campaigns"),
      promotions: all("select id from promotions"),
      codes: all("select display from promo_codes"),
      emails: [...all("select email from users"), "nobody@example.com"],
      words: [...stringLiterals(source), ...enums],
    });
    const who = fc.constantFrom<string | null>(...USERS, USERS[0]!, USERS[3]!, null);
    let requests = 0;
    const reached = new Set<string>();
    const check = async (what: string, user: string | null, url: string, init: Outgoing, refusedUnlessOk: boolean) => {
      const before = fingerprint(db);
      const response = await send(url, init);
      requests++;
      // An action's return value is the reply's line "1:"; it shows the request reached the action.
      if (/^1:/m.test(response.text)) reached.add(what);
      expect(response.status, `${what}: ${response.text.slice(0, 300)}`).toBeLessThan(500);
      const accepted = refusedUnlessOk && (response.text.includes('"ok":true') || response.actionRedirect);
      if (!accepted) expect(fingerprint(db), `${what} was refused but changed the database`).toBe(before);
      // Signing out (or in as someone else) replaced this user's session: sign them in again.
      if (user && response.setCookies.some((c) => c.startsWith("promotions_session="))) await logIn(user);
    };

    const actionList = actionsInBuild().map((a) => ({ ...a, source: readFileSync(a.filename, "utf8") }));
    for (const action of actionList) {
      const fields = fieldNames(action.source);
      const arg = argumentArb(fields, pools(action.source));
      const samples = fc.sample(
        fc.record({
          user: who,
          args: fc.oneof(fc.tuple(fc.constant({}), arg), fc.tuple(arg), fc.array(arg, { maxLength: 3 })),
        }),
        { numRuns: PER_TARGET, seed: 9 },
      );
      for (const { user, args } of samples) {
        const { body, type } = encodeArgs(args);
        // Next refuses a body over its 1 MB server-action limit before any action runs.
        if ((await new Response(body).arrayBuffer()).byteLength > 1_000_000) continue;
        await check(action.name, user, `${served.url}${action.page}`, {
          method: "POST",
          body,
          headers: { "next-action": action.id, origin: served.url, accept: "text/x-component", cookie: cookies.get(user)!, ...(type && { "content-type": type }) },
        }, true);
      }
    }

    for (const route of routesInBuild().map((r) => ({ ...r, source: readFileSync(r.filename, "utf8") }))) {
      const fields = fieldNames(route.source);
      // The export's filters are read in lib/queries, not in the route's own file.
      const params = recordArb([...fields, "type", "from", "to", "campaign", "page"], pools(route.source));
      const samples = fc.sample(
        fc.record({ user: who, method: fc.constantFrom("GET", "GET", "POST", "POST", "PUT", "DELETE", "HEAD"), query: params, form: params, origin: fc.constantFrom(served.url, "https://evil.example") }),
        { numRuns: PER_TARGET, seed: 9 },
      );
      for (const { user, method, query, form, origin } of samples) {
        const url = new URL(route.path, served.url);
        for (const [k, v] of Object.entries(query)) url.searchParams.append(k, typeof v === "string" ? v : JSON.stringify(v) ?? "");
        // Node's HTTP server refuses request headers over 16 KB before the app sees them.
        if (url.href.length > 8_000) continue;
        await check(`${method} ${route.path}`, user, url.toString(), {
          method,
          body: method === "GET" || method === "HEAD" ? undefined : toFormData(form),
          headers: { origin, cookie: cookies.get(user)! },
        }, false);
      }
    }

    expect(requests).toBeGreaterThanOrEqual(250);
    expect([...reached].sort()).toEqual(actionList.map((a) => a.name).sort());
    expect(await audit(db)).toEqual([]);
  });
});

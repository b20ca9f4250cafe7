// Talking to a running build over plain HTTP, as a browser would: the server actions and route handlers
// Next's manifests list, arguments encoded as React encodes them, one connection per request.
import { readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import path from "node:path";

export type BuiltAction = { id: string; name: string; page: string; filename: string };

/** "app/(ads)/tools/payments/promotions/page" → "/tools/payments/promotions". */
const routeOf = (entry: string) => entry.replace(/^\/?app/, "").replace(/\/\([^)]*\)/g, "").replace(/\/(page|route)$/, "") || "/";

type Manifest = { node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName?: string }> };

let built: BuiltAction[] | undefined;

/** Every server action in the build, with a page that can call it. */
export function actionsInBuild(): BuiltAction[] {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as Manifest;
  return (built ??= Object.entries(manifest.node).map(([id, a]) => ({
    id,
    name: `${a.filename} ${a.exportedName ?? id}`,
    page: routeOf(Object.keys(a.workers)[0]!),
    filename: a.filename,
  })));
}

/** Every route handler in the build: its path and its source file. */
export function routesInBuild(): { path: string; filename: string }[] {
  const manifest = JSON.parse(readFileSync(".next/server/app-paths-manifest.json", "utf8")) as Record<string, string>;
  return Object.keys(manifest)
    .filter((k) => k.endsWith("/route"))
    .map((k) => ({ path: routeOf(k), filename: path.join("app", `${k.replace(/^\//, "")}.ts`) }));
}

/** React's reply encoding escapes a string that starts with "$" by doubling the "$". */
function escapeReply(v: unknown): unknown {
  if (typeof v === "string") return v.startsWith("$") ? `$${v}` : v;
  if (Array.isArray(v)) return v.map(escapeReply);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, escapeReply(x)]));
  return v;
}

/** The body React sends for these arguments: JSON text, or multipart when an argument is a FormData. */
export function encodeArgs(args: unknown[]): { body: string | FormData; type?: string } {
  const form = args.find((a): a is FormData => a instanceof FormData);
  if (!form) return { body: JSON.stringify(args.map(escapeReply)), type: "text/plain;charset=UTF-8" };
  // The form's fields first, the arguments ("0") last, as a browser sends them.
  const body = new FormData();
  for (const [k, v] of form.entries()) body.append(`_1_${k}`, v);
  body.append("0", JSON.stringify(args.map((a) => (a === form ? "$K1" : escapeReply(a)))));
  return { body };
}

export type Answer = { status: number; setCookies: string[]; actionRedirect: boolean; text: string };
export type Outgoing = { method: string; headers: Record<string, string>; body?: string | FormData };
export type Prepared = { url: string; method: string; headers: Record<string, string>; payload?: Buffer };

/** The request as bytes, the body encoded as fetch would encode it (multipart boundary included). */
export async function prepare(url: string, init: Outgoing): Promise<Prepared> {
  const encoded = init.body === undefined ? undefined : new Response(init.body);
  const payload = encoded ? Buffer.from(await encoded.arrayBuffer()) : undefined;
  const headers: Record<string, string> = { ...init.headers };
  const type = encoded?.headers.get("content-type");
  if (type && !headers["content-type"]) headers["content-type"] = type;
  if (payload) headers["content-length"] = String(payload.length);
  return { url, method: init.method, headers, payload };
}

/**
 * One request on a connection of its own (fetch would reuse kept-alive connections, and a server closing an
 * idle one races the next write).
 */
export async function send(url: string, init: Outgoing): Promise<Answer> {
  return sendPrepared(await prepare(url, init));
}

export function sendPrepared({ url, method, headers, payload }: Prepared): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          setCookies: res.headers["set-cookie"] ?? [],
          actionRedirect: res.headers["x-action-redirect"] !== undefined,
          text: Buffer.concat(chunks).toString("utf8"),
        }),
      );
    });
    req.on("error", reject);
    req.end(payload);
  });
}

/** The sign-in action called as the sign-in form calls it; `headers` may add X-Forwarded-For. */
export function signInRequest(baseUrl: string, email: string, password: string, headers: Record<string, string> = {}): Promise<Prepared> {
  const signIn = actionsInBuild().find((a) => a.name.endsWith(" signIn"));
  if (!signIn) throw new Error("the build has no signIn action");
  const form = new FormData();
  form.set("email", email);
  form.set("password", password);
  const { body } = encodeArgs([{}, form]);
  return prepare(`${baseUrl}/login`, { method: "POST", body, headers: { "next-action": signIn.id, origin: baseUrl, accept: "text/x-component", ...headers } });
}

export async function signInOverHttp(baseUrl: string, email: string, password: string, headers: Record<string, string> = {}): Promise<Answer> {
  return sendPrepared(await signInRequest(baseUrl, email, password, headers));
}

/** The session cookie ("promotions_session=…") a response set, if any. */
export const sessionCookie = (answer: Answer) => answer.setCookies.find((c) => c.startsWith("promotions_session="))?.split(";")[0];

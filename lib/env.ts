// Environment, read and validated once. Everything else imports `env` instead of process.env.
import path from "node:path";
import { z } from "zod";

/** A `postgres://` or `postgresql://` URL. */
export const postgresUrl = z
  .string()
  .trim()
  .regex(/^postgres(ql)?:\/\//, { error: "not a postgres:// URL" })
  .pipe(z.url({ error: "not a valid URL" }));

/**
 * DATABASE_URL: a `postgres://` URL selects PostgreSQL; anything else names a SQLite file (a path, or a
 * `file:` URL), as it always has. The value is never echoed back: it may hold a password.
 */
const databaseUrl = z
  .string()
  .trim()
  .min(1)
  .transform((value, ctx) => {
    if (!/^postgres(ql)?:/i.test(value)) return { kind: "sqlite" as const, path: value.replace(/^file:/, "") };
    const url = postgresUrl.safeParse(value);
    if (url.success) return { kind: "postgres" as const, url: url.data };
    ctx.addIssue({ code: "custom", message: "starts like a PostgreSQL URL but is not a valid postgres:// URL" });
    return z.NEVER;
  });

const portError = "must be a port number between 1 and 65535";

const schema = z.object({
  DB_PATH: z.string().min(1).optional(),
  DATABASE_URL: databaseUrl.optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Set to 1 to serve over plain http on a non-localhost address (cookies lose the Secure flag). */
  INSECURE_COOKIES: z.enum(["0", "1"]).default("0"),
  /** The production server's port (lib/server/serve.ts; `npm start` passes it on). */
  PORT: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce.number({ error: portError }).int({ error: portError }).min(1, { error: portError }).max(65535, { error: portError }).default(3000),
  ),
  /** Set to 0 to send Next's script tags unchanged instead of loading them after the first paint. */
  SCRIPTS_AFTER_PAINT: z.enum(["0", "1"], { error: "must be 0 or 1" }).default("1"),
});

const parsed = schema.safeParse(process.env);
if (!parsed.success) {
  const message = `Invalid environment: ${z.prettifyError(parsed.error)}`;
  // A command-line tool (npm start, db:migrate, audit…) stops with the message alone, not a stack trace;
  // inside the Next server or a test run, the error is thrown.
  if (!process.env.NEXT_RUNTIME && !process.env.VITEST) {
    console.error(message);
    process.exit(2);
  }
  throw new Error(message);
}

/** The SQLite file: DB_PATH wins, then DATABASE_URL when it names a file; default data/promotions.db. */
function dbPath(): string {
  const { DB_PATH, DATABASE_URL } = parsed.data!;
  if (DB_PATH) return DB_PATH;
  if (DATABASE_URL?.kind === "sqlite") return DATABASE_URL.path;
  return path.join(process.cwd(), "data", "promotions.db");
}

export const env = {
  dbPath: dbPath(),
  /** Set when DATABASE_URL is a postgres:// URL: the engine's CLIs (migrate, audit, scenario) use PostgreSQL. */
  postgresUrl: parsed.data.DATABASE_URL?.kind === "postgres" ? parsed.data.DATABASE_URL.url : undefined,
  production: parsed.data.NODE_ENV === "production",
  secureCookies: parsed.data.NODE_ENV === "production" && parsed.data.INSECURE_COOKIES === "0",
  port: parsed.data.PORT,
  scriptsAfterPaint: parsed.data.SCRIPTS_AFTER_PAINT === "1",
};

// Environment, read and validated once. Everything else imports `env` instead of process.env.
import path from "node:path";
import { z } from "zod";

const schema = z.object({
  DB_PATH: z.string().min(1).optional(),
  DATABASE_URL: z.string().min(1).optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Set to 1 to serve over plain http on a non-localhost address (cookies lose the Secure flag). */
  INSECURE_COOKIES: z.enum(["0", "1"]).default("0"),
});

const parsed = schema.safeParse(process.env);
if (!parsed.success) {
  throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
}

/** DB_PATH wins; DATABASE_URL may be a path or a `file:` URL; default data/promotions.db. */
function dbPath(): string {
  const { DB_PATH, DATABASE_URL } = parsed.data!;
  if (DB_PATH) return DB_PATH;
  if (DATABASE_URL) return DATABASE_URL.replace(/^file:/, "");
  return path.join(process.cwd(), "data", "promotions.db");
}

export const env = {
  dbPath: dbPath(),
  production: parsed.data.NODE_ENV === "production",
  secureCookies: parsed.data.NODE_ENV === "production" && parsed.data.INSECURE_COOKIES === "0",
};

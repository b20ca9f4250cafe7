// DATABASE_URL selects the database: a postgres:// URL is PostgreSQL, anything else a SQLite file, as before.
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

async function envWith(vars: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [k, v] of Object.entries(vars)) vi.stubEnv(k, v);
  return (await import("./env")).env;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("DATABASE_URL", () => {
  it("a postgres:// or postgresql:// URL selects PostgreSQL; the SQLite file stays the default path", async () => {
    for (const url of ["postgres://app@db.internal:5432/promotions", "postgresql://localhost/promotions"]) {
      const env = await envWith({ DATABASE_URL: url, DB_PATH: undefined });
      expect(env.postgresUrl).toBe(url);
      expect(env.dbPath).toBe(path.join(process.cwd(), "data", "promotions.db"));
    }
  });

  it("anything else names a SQLite file (a path or a file: URL); DB_PATH still wins", async () => {
    expect(await envWith({ DATABASE_URL: "file:/tmp/x.db", DB_PATH: undefined })).toMatchObject({ dbPath: "/tmp/x.db", postgresUrl: undefined });
    expect(await envWith({ DATABASE_URL: "/tmp/y.db", DB_PATH: "/tmp/z.db" })).toMatchObject({ dbPath: "/tmp/z.db", postgresUrl: undefined });
  });

  it("unset, the SQLite file at data/promotions.db", async () => {
    expect(await envWith({ DATABASE_URL: undefined, DB_PATH: undefined })).toMatchObject({
      dbPath: path.join(process.cwd(), "data", "promotions.db"),
      postgresUrl: undefined,
    });
  });

  it("a malformed PostgreSQL URL is refused with a message that does not repeat it (it may hold a password)", async () => {
    const bad = envWith({ DATABASE_URL: "postgres://app:s3cret@ bad host/db" });
    await expect(bad).rejects.toThrow(/DATABASE_URL/);
    await expect(bad).rejects.not.toThrow(/s3cret/);
  });
});

describe("the production server's settings", () => {
  it("PORT defaults to 3000, an empty value too, and anything but a port number is refused in words", async () => {
    expect((await envWith({ PORT: undefined })).port).toBe(3000);
    expect((await envWith({ PORT: "" })).port).toBe(3000);
    expect((await envWith({ PORT: "4100" })).port).toBe(4100);
    for (const bad of ["abc", "0", "70000", "3000.5"]) await expect(envWith({ PORT: bad }), bad).rejects.toThrow(/must be a port number[\s\S]*at PORT/);
  });

  it("SCRIPTS_AFTER_PAINT is on unless set to 0, and takes only 0 or 1", async () => {
    expect((await envWith({ SCRIPTS_AFTER_PAINT: undefined })).scriptsAfterPaint).toBe(true);
    expect((await envWith({ SCRIPTS_AFTER_PAINT: "0" })).scriptsAfterPaint).toBe(false);
    await expect(envWith({ SCRIPTS_AFTER_PAINT: "yes" })).rejects.toThrow(/must be 0 or 1[\s\S]*at SCRIPTS_AFTER_PAINT/);
  });
});

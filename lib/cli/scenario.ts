// npm run scenario -- [--backend sqlite|pglite|postgres] file.json: runs a scenario file (SPEC section 5)
// and prints the result JSON. The backend is the database it runs on: SQLite in memory (the default);
// PGlite, an in-process PostgreSQL; or the PostgreSQL server at DATABASE_URL, in a scratch database
// created beside DATABASE_URL's for the run and dropped after (CREATEDB privilege needed). Both PostgreSQL ones go through the PostgreSQL adapter, and the output
// is the same, byte for byte.
// Exit 0 for any valid file; an invalid file or option exits 2 with one line on stderr naming what is wrong.
import { readFileSync } from "node:fs";
import { z } from "zod";
import { withScratchDatabase } from "@/db/pg";
import { env } from "@/lib/env";
import { openPglite } from "@/lib/testing/pglite";
import { backendName, pgBackend, sqliteBackend, type Backend } from "@/lib/scenario/backend";
import { InvalidScenario, parseScenario } from "@/lib/scenario/schema";
import { runScenario } from "@/lib/scenario/run";

const usage = "usage: npm run scenario -- [--backend sqlite|pglite|postgres] path/to/scenario.json";

const args = z
  .union([
    z.tuple([z.string().refine((a) => !a.startsWith("--"))]).transform(([file]) => ({ backend: "sqlite" as const, file })),
    z.tuple([z.literal("--backend"), backendName, z.string()]).transform(([, backend, file]) => ({ backend, file })),
  ])
  .safeParse(process.argv.slice(2));
if (!args.success) {
  const argv = process.argv.slice(2);
  const badBackend = argv[0] === "--backend" && argv.length === 3 ? backendName.safeParse(argv[1]) : undefined;
  console.error(badBackend && !badBackend.success ? `${badBackend.error.issues[0]!.message}\n${usage}` : usage);
  process.exit(2);
}
const { backend, file } = args.data;
const postgresUrl = env.postgresUrl;
if (backend === "postgres" && !postgresUrl) {
  console.error("--backend postgres runs on the server DATABASE_URL names: set DATABASE_URL=postgres://…");
  process.exit(2);
}

let text: string;
try {
  text = readFileSync(file, "utf8");
} catch {
  console.error(`cannot read ${file}`);
  process.exit(2);
}

let doc: unknown;
try {
  doc = JSON.parse(text);
} catch (e) {
  console.error(`${file} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(2);
}

let scenario;
try {
  scenario = parseScenario(doc);
} catch (e) {
  if (e instanceof InvalidScenario) {
    console.error(`${file}: ${e.message}`);
    process.exit(2);
  }
  throw e;
}

async function main() {
  if (backend === "sqlite") return print(sqliteBackend());
  if (backend === "postgres")
    return withScratchDatabase(postgresUrl!, (db) => print(pgBackend(db))).catch((error: unknown) => {
      let e = error;
      while (e instanceof Error && e.cause instanceof Error) e = e.cause;
      console.error(`Could not run on PostgreSQL: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    });
  const db = await openPglite();
  try {
    await print(pgBackend(db));
  } finally {
    await db.$client.close();
  }
}

async function print(on: Backend) {
  const output = await runScenario(scenario!, on);
  process.stdout.write(JSON.stringify(output, null, 2) + "\n");
}

void main();

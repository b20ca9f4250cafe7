// npm run scenario -- [--backend sqlite|pglite] file.json: runs a scenario file (SPEC section 5) and prints
// the result JSON. The backend is the database it runs on: SQLite in memory (the default), or PGlite, an
// in-process PostgreSQL, through the PostgreSQL adapter (the output is the same, byte for byte).
// Exit 0 for any valid file; an invalid file or option exits 2 with one line on stderr naming what is wrong.
import { readFileSync } from "node:fs";
import { z } from "zod";
import { openPglite } from "@/lib/testing/pglite";
import { backendName, pgBackend, sqliteBackend, type Backend } from "@/lib/scenario/backend";
import { InvalidScenario, parseScenario } from "@/lib/scenario/schema";
import { runScenario } from "@/lib/scenario/run";

const usage = "usage: npm run scenario -- [--backend sqlite|pglite] path/to/scenario.json";

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

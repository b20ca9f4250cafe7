// npm run scenario -- file.json: runs a scenario file (SPEC section 5) and prints the result JSON.
// Exit 0 for any valid file; an invalid file exits 2 with one line on stderr naming step, field and value.
import { readFileSync } from "node:fs";
import { z } from "zod";
import { InvalidScenario, parseScenario } from "@/lib/scenario/schema";
import { runScenario } from "@/lib/scenario/run";

const args = z.tuple([z.string({ error: "usage: npm run scenario -- path/to/scenario.json" })]).safeParse(process.argv.slice(2));
if (!args.success) {
  console.error("usage: npm run scenario -- path/to/scenario.json");
  process.exit(2);
}
const [file] = args.data;

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
void runScenario(scenario).then((output) => process.stdout.write(JSON.stringify(output, null, 2) + "\n"));

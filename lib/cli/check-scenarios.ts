// npm run test:scenarios: runs scenario expectation files (lib/scenario/expectation.ts) and prints one line
// per file, then "N passed, M failed"; exits non-zero when anything failed or nothing ran.
//
//   tsx lib/cli/check-scenarios.ts [--cli] [--optional DIR]... FILE_OR_DIR...
//
// Files run in this process unless --cli asks for the command-line runner (a process per file).
// --optional names a folder that is checked only when it exists: CI places reference scenarios beside
// the project, a plain clone has none.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { checkFile, inProcess, throughCli } from "@/lib/scenario/check";

const usage = "usage: tsx lib/cli/check-scenarios.ts [--cli] [--optional DIR]... FILE_OR_DIR...";
const args = process.argv.slice(2);
let run = inProcess;
const targets: string[] = [];
for (let i = 0; i < args.length; i++) {
  const arg = args[i]!;
  if (arg === "--cli") run = throughCli;
  else if (arg === "--optional") {
    const dir = args[++i];
    if (!dir) {
      console.error(usage);
      process.exit(2);
    }
    if (existsSync(dir)) targets.push(dir);
  } else if (arg.startsWith("--")) {
    console.error(`unknown option ${arg}\n${usage}`);
    process.exit(2);
  } else if (!existsSync(arg)) {
    console.error(`${arg} does not exist`);
    process.exit(2);
  } else targets.push(arg);
}

const files = targets.flatMap((t) =>
  statSync(t).isDirectory()
    ? readdirSync(t)
        .filter((f) => f.endsWith(".json"))
        .sort()
        .map((f) => path.join(t, f))
    : [t],
);

async function main() {
  let passed = 0;
  let failed = 0;
  for (const file of files) {
    const problems = await checkFile(file, run);
    if (problems.length === 0) {
      passed++;
      console.log(`ok    ${file}`);
    } else {
      failed++;
      console.log(`FAIL  ${file}`);
      for (const p of problems.slice(0, 12)) console.log(`      ${p}`);
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && passed > 0 ? 0 : 1);
}
void main();

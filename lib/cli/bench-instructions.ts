// npm run bench:instructions: what npm run bench's SQLite figures cost in instructions executed — the
// delivery run, a standalone charge, a replay, the demo seed — counted by valgrind rather than timed. On a
// shared VM one run's time moves by a third; a count repeats to within 0.1% in one sitting, so it can tell
// a 2% change in the engine from the machine's noise (docs/performance.md). Under --predictable, which is
// not how V8 runs in production: background compiling and collecting follow other heuristics there.
//
// Needs valgrind (`apt-get install -y valgrind`); runs lib/bench/instructions-workload.ts k times over
// with node --predictable (the JIT compiles on the main thread, so its work is counted, and V8 drops the
// time-based heuristics that otherwise move a count by a few per cent from one run to the next) and
// subtracts: the delivery run is charges(0) − seed(0), the cold seed seed(1) − seed(0), a warm seed
// (seed(3) − seed(1)) / 2, a charge (charges(1) − charges(0)) / CHARGES, a replay (bench(0) − charges(1)) /
// CHARGES, and a seed in the bench's order bench(1) − bench(0). Two valgrind runs at a time; about fifteen
// minutes on two cores.
//
//   npm run bench:instructions [-- <checkout>]   <checkout>: count another tree's engine (default: this one)
import { execFile } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { z } from "zod";

const run = promisify(execFile);
const CHARGES = 20_000; // per counted run: enough that a charge's count is not lost in start-up's
const here = process.cwd(); // npm runs scripts from the project root
const args = z
  .tuple([z.string().refine((p) => existsSync(path.join(p, "lib/credits")), { error: "not a checkout of this project" })])
  .or(z.tuple([]))
  .safeParse(process.argv.slice(2));
if (!args.success) {
  console.error(`${z.prettifyError(args.error)}\nusage: npm run bench:instructions [-- <checkout>]`);
  process.exit(2);
}
const tree = path.resolve(args.data[0] ?? here);

// The workload comes from this checkout, so an older tree is measured doing the same work: its files are
// copied into a folder of their own there (and removed after), where they import that tree's engine.
const WORKLOAD_FILES = ["instructions-workload.ts", "single-charge-world.ts"];
const copies = tree === here ? undefined : path.join(tree, "lib/bench", `.instructions-${process.pid}`);
const file = path.join(copies ?? path.join(here, "lib/bench"), "instructions-workload.ts");
const node = [process.execPath, "--predictable", "--single-threaded", "--hash-seed=1", "--random-seed=1", "--import", "tsx", file];
const options = { cwd: tree, maxBuffer: 64 << 20, env: { ...process.env, NODE_OPTIONS: "" } };

async function count(what: "seed" | "charges" | "bench", k: number, dir: string): Promise<number> {
  const out = path.join(dir, `${what}-${k}.cachegrind`);
  const { stderr } = await run(
    "valgrind",
    ["--tool=cachegrind", "--cache-sim=no", `--cachegrind-out-file=${out}`, "--smc-check=all-non-file", ...node, what, String(k), String(CHARGES)],
    options,
  );
  const m = /I\s+refs:\s+([\d,]+)/.exec(stderr);
  if (!m) throw new Error(`valgrind printed no instruction count:\n${stderr.slice(-2000)}`);
  return Number(m[1]!.replaceAll(",", ""));
}

async function main() {
  try {
    await run("valgrind", ["--version"]);
  } catch {
    console.error("valgrind is not installed: apt-get install -y valgrind");
    process.exit(2);
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "instructions-"));
  try {
    if (copies) {
      mkdirSync(copies);
      for (const f of WORKLOAD_FILES) copyFileSync(path.join(here, "lib/bench", f), path.join(copies, f));
    }
    // One run outside valgrind first, so that every counted run finds tsx's cache of compiled files in the
    // same state (a run that compiles them does more work than one that reads them back).
    await run(node[0]!, [...node.slice(1), "charges", "0"], options);
    console.log(`Instructions executed (valgrind cachegrind, node ${process.version} --predictable), engine at ${tree}\n`);
    const [seed0, seed1] = await Promise.all([count("seed", 0, dir), count("seed", 1, dir)]);
    const [seed3, charges0] = await Promise.all([count("seed", 3, dir), count("charges", 0, dir)]);
    const [charges1, bench0] = await Promise.all([count("charges", 1, dir), count("bench", 0, dir)]);
    const bench1 = await count("bench", 1, dir);
    const M = (n: number) => `${(n / 1e6).toFixed(0).padStart(7)} M`;
    const k = (n: number) => `${(n / CHARGES / 1e3).toFixed(1).padStart(7)} k`;
    const row = (label: string, figure: string, note = "") => console.log(`${label.padEnd(58)} ${figure}${note}`);
    row("the reference delivery run (36,000 charges)", M(charges0 - seed0));
    row("engine.charge after a delivery run, each", k(charges1 - charges0), `   (${CHARGES} charges)`);
    row("engine.charge replay, each", k(bench0 - charges1), `   (${CHARGES} replays)`);
    row("demo seed, the first in a process (cold)", M(seed1 - seed0));
    row("demo seed, later ones (warm, each)", M((seed3 - seed1) / 2));
    row("demo seed after all of the above (npm run bench's order)", M(bench1 - bench0));
    if (process.env.KEEP) console.log(`\nPer-function counts: cg_annotate (or cg_diff) the files in ${dir}`);
  } finally {
    if (copies) rmSync(copies, { recursive: true, force: true });
    if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true });
  }
}

void main();

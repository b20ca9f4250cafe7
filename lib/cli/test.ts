// npm test: typecheck, lint, unit tests, scenario checks, production build, then Playwright end-to-end
// tests in Debian's Chromium against the production server (lib/server/serve.ts) on a throwaway database.
// Stops at the first failure.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

function ensureChromium() {
  if (existsSync(chromium)) return;
  if (process.env.CHROMIUM_PATH) {
    console.error(`CHROMIUM_PATH points at ${chromium}, which does not exist.`);
    process.exit(1);
  }
  if (process.getuid?.() === 0) {
    console.log("Chromium is missing: installing Debian's chromium with apt-get…");
    const update = spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    const install = spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit" });
    if (update.status === 0 && install.status === 0 && existsSync(chromium)) return;
  }
  console.error(
    "End-to-end tests need Chromium: install it (as root: apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary.",
  );
  process.exit(1);
}

const steps: [string, string[]][] = [
  ["typecheck", ["npx", "tsc", "--noEmit"]],
  ["lint", ["npx", "eslint", "--max-warnings=0", "."]],
  ["unit tests", ["npx", "vitest", "run"]],
  // The project's expectation files, and CI's reference examples when they sit beside the project.
  ["scenario checks", ["npx", "tsx", "lib/cli/check-scenarios.ts", "lib/credits/scenarios", "--optional", "../shared/scenarios/examples"]],
  // `next build`, then the compile hints on the first-load chunks (lib/compile-hints.ts).
  ["build", ["npm", "run", "build"]],
  ["end-to-end tests", ["npx", "playwright", "test"]],
];

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHROMIUM_PATH: chromium };
for (const [name, [cmd, ...args]] of steps) {
  if (name === "end-to-end tests") ensureChromium();
  console.log(`\n▶ ${name}`);
  const run = spawnSync(cmd!, args, { stdio: "inherit", env });
  if (run.status !== 0) {
    console.error(`\n✗ ${name} failed`);
    process.exit(run.status ?? 1);
  }
}
console.log("\n✓ all checks passed");

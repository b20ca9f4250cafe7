import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// Each run serves a throwaway, freshly seeded database on its own port, so runs side by side never meet.
// PORT and DB_PATH choose them; otherwise the run takes a free port and a database in a new temp folder,
// which the server deletes when the run ends. Playwright loads this file again in every worker: the
// choices travel to them in E2E_* variables, set once by the first load.
if (!process.env.E2E_PORT) process.env.E2E_PORT = process.env.PORT || freePort();
if (!process.env.E2E_DB_PATH) {
  if (process.env.DB_PATH) process.env.E2E_DB_PATH = process.env.DB_PATH;
  else {
    const dir = mkdtempSync(path.join(os.tmpdir(), "promotions-e2e-"));
    process.env.E2E_DB_PATH = path.join(dir, "e2e.db");
    process.env.E2E_REMOVE_DIR = dir;
  }
}
const port = process.env.E2E_PORT;

/** A port the system has free now (asked of a child process, since this file cannot wait for a socket). */
function freePort(): string {
  const script = "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }).trim();
}

const desktop = { ...devices["Desktop Chrome"], viewport: { width: 1440, height: 900 } };

export default defineConfig({
  testDir: "e2e",
  // Screenshots are for a person to look at, not a check: only on request.
  testIgnore: process.env.SCREENSHOTS ? [] : ["screenshots.spec.ts"],
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    { name: "chromium", testIgnore: /journeys\//, use: desktop },
    // Journeys move the shared sandbox clock by whole days, and a day of delivery spends the seeded accounts'
    // credits, so they run after every test that reads the seeded state. (`--no-deps` runs one alone.)
    { name: "journeys", testMatch: /journeys\/.*\.spec\.ts$/, dependencies: ["chromium"], use: desktop },
  ],
  webServer: {
    command: `npx tsx lib/cli/e2e-server.ts`,
    url: `http://localhost:${port}/login`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
    // SIGTERM rather than the default SIGKILL, so the server stops Next and removes its temp database.
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: {
      PORT: port,
      DB_PATH: process.env.E2E_DB_PATH,
      E2E_REMOVE_DIR: process.env.E2E_REMOVE_DIR ?? "",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});

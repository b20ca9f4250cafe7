import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.PORT || 3100);
// The e2e database is thrown away and re-seeded on every run. DB_PATH chooses where it lives.
const dbPath = process.env.DB_PATH || path.join(os.tmpdir(), "promotions-e2e", "e2e.db");
process.env.E2E_DB_PATH = dbPath;

const desktop = { ...devices["Desktop Chrome"], viewport: { width: 1440, height: 900 } };

export default defineConfig({
  testDir: "e2e",
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
    env: { PORT: String(port), DB_PATH: dbPath, NEXT_TELEMETRY_DISABLED: "1" },
  },
});

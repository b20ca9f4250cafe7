// npm run bench:pages -- [base URL]: first-load JavaScript (bytes transferred, as `npm start` serves it,
// compressed, response headers included and shown apart), the main thread's CPU time while the page loads,
// and Lighthouse 12.2.3 mobile performance scores of the sign-in and sign-up pages and every advertiser
// page, signed in as the demo admin.
// Needs a running server with the demo data (`npm start`, or the e2e server) and Chromium.
//   LIGHTHOUSE_RUNS=3 (runs per page; 0 skips Lighthouse)   PAGES=/,/campaigns (override the list)
//   MAIN_THREAD_RUNS=5 (traced loads per page for the main thread's CPU time, which the VM's noise does
//   not move as it moves Lighthouse's scores; 0 skips them)
//   LIGHTHOUSE_KEEP=/tmp/reports (keep every Lighthouse JSON report there, to read which tasks and which
//   element made a score, with the run's trace and DevTools log beside it: NAME-N-0.trace.json, whose
//   Layout and EvaluateScript events say what a long task was)
// Prints figures; asserts nothing. Each Lighthouse run also prints the machine's benchmarkIndex and, on
// Linux, the share of CPU time the hypervisor took away during it (steal): a run with steal measures the VM.
// Other pages: add their paths to PAGES (every advertiser page should stay at or under 150 kB of first-load
// JS and score 95+).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext } from "@playwright/test";
import { z } from "zod";

const args = z.tuple([z.string().url().optional()]).safeParse(process.argv.slice(2));
if (!args.success) {
  console.error("usage: npm run bench:pages -- [http://localhost:3000]");
  process.exit(2);
}
const base = (args.data[0] ?? `http://localhost:${process.env.PORT || 3000}`).replace(/\/$/, "");
const runs = z.coerce.number().int().min(0).max(20).parse(process.env.LIGHTHOUSE_RUNS || 3);
const cpuRuns = z.coerce.number().int().min(0).max(50).parse(process.env.MAIN_THREAD_RUNS || 5);
const keep = z.string().min(1).optional().parse(process.env.LIGHTHOUSE_KEEP || undefined);
const chrome = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const account = "acc_outdoors";
/** Pages a signed-out visitor sees; every other page is an advertiser page of the demo admin's account. */
const PUBLIC = new Set(["/login", "/signup"]);
const pages = (
  process.env.PAGES?.split(",") ?? [
    "/login",
    "/signup",
    "/",
    "/campaigns",
    "/tools/payments/promotions",
    "/tools/payments/transactions",
    "/tools/payments/transactions?view=all",
    "/tools/payments/billing",
    "/settings/members",
  ]
).map((p) => (PUBLIC.has(p) ? p : `${p}${p.includes("?") ? "&" : "?"}aadvid=${account}`));

/**
 * The CPU time the hypervisor gave other guests while this VM wanted it ("steal", Linux's /proc/stat), as
 * a share of all CPU time since `since`: on a shared VM a run that lost much of its CPU is not a
 * measurement of the page. Undefined where /proc/stat is missing.
 */
function cpuTimes() {
  if (!existsSync("/proc/stat")) return undefined;
  const ticks = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
  return { total: ticks.reduce((a, b) => a + b, 0), steal: ticks[7] ?? 0 };
}
function stealSince(since: ReturnType<typeof cpuTimes>): string {
  const now = cpuTimes();
  if (!since || !now || now.total === since.total) return "";
  return `, CPU steal ${(((now.steal - since.steal) / (now.total - since.total)) * 100).toFixed(0)}%`;
}

async function signedIn(context: BrowserContext) {
  const page = await context.newPage();
  await page.goto(`${base}/login`);
  await page.getByLabel("Email").fill("admin@example.com");
  await page.getByLabel("Password").fill("promotions");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  await page.close();
}

/**
 * JavaScript transferred (compressed, headers included) while a page loads with an empty cache: the
 * first load — scripts the HTML names — and what comes later before the network is idle (links'
 * prefetches, lazy chunks).
 */
async function firstLoadJs(context: BrowserContext, url: string) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const scripts = new Map<string, { url: string; bytes: number; headers: number }>();
  const urls = new Map<string, { url: string; headers: number }>();
  let html = "";
  cdp.on("Network.responseReceived", (e) => {
    // At this point the bytes received are the response's headers.
    if (e.type === "Script") urls.set(e.requestId, { url: e.response.url, headers: e.response.encodedDataLength });
  });
  cdp.on("Network.loadingFinished", (e) => {
    const u = urls.get(e.requestId);
    if (u) scripts.set(e.requestId, { ...u, bytes: e.encodedDataLength });
  });
  page.on("response", async (r) => {
    if (r.request().resourceType() === "document") html = await r.text().catch(() => "");
  });
  await page.goto(url, { waitUntil: "networkidle" });
  await page.close();
  const named = (u: string) => html.includes(new URL(u).pathname);
  const sum = (xs: { bytes: number }[]) => xs.reduce((a, b) => a + b.bytes, 0);
  const all = [...scripts.values()];
  const first = all.filter((s) => named(s.url));
  const headers = first.reduce((a, b) => a + b.headers, 0);
  return { first: sum(first), headers, files: first.length, later: sum(all) - sum(first) };
}

/** A kept report's file name for a page: its path and query as words, without the demo account. */
const reportName = (p: string) =>
  p.replace(`aadvid=${account}`, "").replace(/\W+/g, "-").replace(/^-|-$/g, "") || "home";

const traceEvent = z.looseObject({
  name: z.string(),
  ph: z.string(),
  pid: z.number(),
  tid: z.number(),
  tdur: z.number().optional(),
  args: z.looseObject({ name: z.unknown().optional() }).optional(),
});

/**
 * The page's main-thread CPU time while it loads, from a Chromium trace (each task's thread time, `tdur`):
 * unlike wall-clock time and Lighthouse's scores it does not grow when the hypervisor takes the CPU away,
 * so it moves with the code, not the VM. "Blocking" is what Lighthouse's TBT counts, scaled back: the part
 * of each task over 50 ms at its 4× CPU slowdown, i.e. over 12.5 ms here. Medians of `loads` cold loads.
 */
async function mainThreadCpu(context: BrowserContext, url: string, loads: number) {
  const totals: number[] = [];
  const blocking: number[] = [];
  const longest: number[] = [];
  for (let i = 0; i < loads; i++) {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    const events: z.infer<typeof traceEvent>[] = [];
    cdp.on("Tracing.dataCollected", (d) => events.push(...z.array(traceEvent).parse(d.value)));
    await cdp.send("Tracing.start", { categories: "toplevel,__metadata", transferMode: "ReportEvents" });
    await page.goto(url, { waitUntil: "networkidle" });
    const done = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
    await cdp.send("Tracing.end");
    await done;
    await page.close();
    // The page's renderer is the one whose main thread worked most (others are the browser's own pages).
    const mains = new Set(events.filter((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain").map((e) => `${e.pid}:${e.tid}`));
    const byThread = new Map<string, number[]>();
    for (const e of events) {
      const thread = `${e.pid}:${e.tid}`;
      if (e.ph !== "X" || e.name !== "ThreadControllerImpl::RunTask" || e.tdur === undefined || !mains.has(thread)) continue;
      const tasks = byThread.get(thread) ?? [];
      if (!byThread.has(thread)) byThread.set(thread, tasks);
      tasks.push(e.tdur / 1000);
    }
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const tasks = [...byThread.values()].sort((a, b) => sum(b) - sum(a))[0] ?? [];
    totals.push(sum(tasks));
    blocking.push(sum(tasks.map((t) => Math.max(0, t - 12.5))));
    longest.push(Math.max(0, ...tasks));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  return { total: median(totals), blocking: median(blocking), longest: median(longest) };
}

async function main() {
  const browser = await chromium.launch({ executablePath: chrome, args: ["--no-sandbox", "--disable-gpu"] });
  const context = await browser.newContext();
  await signedIn(context);
  const cookie = (await context.cookies(base)).map((c) => `${c.name}=${c.value}`).join("; ");

  console.log(`First-load JS (transferred, cold cache), main-thread CPU and Lighthouse 12.2.3 mobile performance, ${base}\n`);
  const dir = mkdtempSync(path.join(tmpdir(), "lighthouse-"));
  if (keep) mkdirSync(keep, { recursive: true });
  for (const p of pages) {
    const pageContext = PUBLIC.has(p) ? await browser.newContext() : context;
    const js = await firstLoadJs(pageContext, `${base}${p}`);
    const cpu = cpuRuns > 0 ? await mainThreadCpu(pageContext, `${base}${p}`, cpuRuns) : null;
    const scores: string[] = [];
    for (let i = 0; i < runs; i++) {
      const out = keep ? path.join(keep, `${reportName(p)}-${i + 1}.json`) : path.join(dir, "report.json");
      const before = cpuTimes();
      const lh = spawnSync(
        "npx",
        [
          "-y",
          "lighthouse@12.2.3",
          `${base}${p}`,
          "--only-categories=performance",
          "--output=json",
          `--output-path=${out}`,
          ...(keep ? ["--save-assets"] : []),
          "--quiet",
          `--chrome-flags=--headless=new --no-sandbox --disable-gpu`,
          ...(PUBLIC.has(p) ? [] : [`--extra-headers=${JSON.stringify({ Cookie: cookie })}`]),
        ],
        { env: { ...process.env, CHROME_PATH: chrome }, encoding: "utf8" },
      );
      if (lh.status !== 0) {
        scores.push("failed");
        console.error(lh.stderr.split("\n").slice(-5).join("\n"));
        continue;
      }
      const report = JSON.parse(readFileSync(out, "utf8")) as {
        categories: { performance: { score: number } };
        environment: { benchmarkIndex: number };
        audits: Record<string, { numericValue?: number }>;
      };
      const a = report.audits;
      scores.push(
        `${Math.round(report.categories.performance.score * 100)} (FCP ${Math.round(a["first-contentful-paint"]?.numericValue ?? 0)} ms, LCP ${Math.round(a["largest-contentful-paint"]?.numericValue ?? 0)} ms, TBT ${Math.round(a["total-blocking-time"]?.numericValue ?? 0)} ms, CLS ${(a["cumulative-layout-shift"]?.numericValue ?? 0).toFixed(3)}; ` +
          `benchmarkIndex ${Math.round(report.environment.benchmarkIndex)}${stealSince(before)})`,
      );
    }
    console.log(
    `${p.padEnd(56)} first-load JS ${(js.first / 1024).toFixed(1).padStart(6)} kB in ${String(js.files).padStart(2)} files ` +
      `(bodies ${((js.first - js.headers) / 1024).toFixed(1)} kB + headers ${(js.headers / 1024).toFixed(1)} kB; +${(js.later / 1024).toFixed(1)} kB later)`,
  );
    if (cpu) {
      console.log(
        `${"".padEnd(58)}main thread ${cpu.total.toFixed(0)} ms of CPU (blocking ${cpu.blocking.toFixed(0)} ms, longest task ${cpu.longest.toFixed(0)} ms; median of ${cpuRuns} loads, full speed)`,
      );
    }
    for (const s of scores) console.log(`${"".padEnd(58)}Lighthouse ${s}`);
  }
  rmSync(dir, { recursive: true, force: true });
  await browser.close();
}

void main();

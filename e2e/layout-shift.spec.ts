import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "./test";

// A slow or busy connection can hand the browser the first part of a page well before the rest, and the
// browser paints what it has. Nothing it painted may move when the rest arrives: Lighthouse measured a
// layout shift of 0.069 on /login when its vertically centred card grew under an already painted heading.
// These tests serve a page through a relay that holds back everything after the card's heading until the
// first part is on screen, then sum the page's layout shifts.

/** Serves `path` cut in two at the end of its first `</h1>` (the second part sent on `release()`), and passes
 * every other request through to the app. */
async function splitRelay(app: string, path: string) {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const server = http.createServer(async (req, res) => {
    try {
      const upstream = await fetch(new URL(req.url ?? "/", app), { headers: { cookie: req.headers.cookie ?? "" }, redirect: "manual" });
      // fetch has decoded the body: the length and encoding no longer describe it.
      const headers = Object.fromEntries([...upstream.headers].filter(([k]) => !["content-encoding", "content-length", "transfer-encoding", "connection"].includes(k)));
      if (req.url !== path) {
        res.writeHead(upstream.status, headers).end(Buffer.from(await upstream.arrayBuffer()));
        return;
      }
      const html = await upstream.text();
      const cut = html.indexOf("</h1>");
      if (cut < 0) throw new Error(`${path} has no heading to cut after`);
      res.writeHead(upstream.status, headers);
      res.write(html.slice(0, cut + "</h1>".length));
      await released;
      res.end(html.slice(cut + "</h1>".length));
    } catch (e) {
      // The page then fails to show its heading, and the test says so instead of hanging.
      res.writeHead(502).end(String(e));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`,
    release,
    close: () => {
      server.close();
      server.closeAllConnections();
    },
  };
}

/** Resolves after the browser has rendered a frame with the DOM as it is now. */
const nextFrame = (page: Page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** The page's Cumulative Layout Shift so far (shifts right after user input excluded, as the metric does). */
const layoutShift = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let sum = 0;
        const add = (entries: PerformanceEntryList) => {
          for (const e of entries as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!e.hadRecentInput) sum += e.value;
        };
        const observer = new PerformanceObserver((list) => add(list.getEntries()));
        observer.observe({ type: "layout-shift", buffered: true });
        requestAnimationFrame(() => setTimeout(() => (add(observer.takeRecords()), observer.disconnect(), resolve(sum)), 0));
      }),
  );

// /login has no loading boundary, so its HTML is painted as it arrives. (/signup shows a spinner until its
// form has arrived and then reveals the form whole, so the form cannot be painted in part.)
test("/login does not shift when the rest of its HTML arrives after the first part was painted", async ({ page, baseURL }) => {
  const relay = await splitRelay(baseURL!, "/login");
  try {
    await page.setViewportSize({ width: 412, height: 823 });
    const loaded = page.goto(relay.url);
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign in" })).toHaveCount(0);
    await nextFrame(page);
    relay.release();
    await loaded;
    await expect(page.getByRole("link", { name: "Create an account" })).toBeVisible();
    await nextFrame(page);
    expect(await layoutShift(page)).toBe(0);
  } finally {
    relay.close();
  }
});

// The compile hints `npm run build` puts on the first-load chunks (issue 10, docs/performance.md).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addCompileHints, COMPILE_HINT, firstLoadChunks } from "./compile-hints";

let next: string;
const chunk = (name: string) => path.join(next, "static", "chunks", name);
const read = (name: string) => readFileSync(chunk(name), "utf8");

/** A `.next` laid out as `next build` (Turbopack) leaves it: two framework chunks, two routes, one lazy chunk. */
function build(routes: Record<string, Record<string, string[]>>) {
  mkdirSync(path.join(next, "static", "chunks"), { recursive: true });
  writeFileSync(
    path.join(next, "build-manifest.json"),
    JSON.stringify({ polyfillFiles: ["static/chunks/polyfill.js"], rootMainFiles: ["static/chunks/react.js", "static/chunks/runtime.js"] }),
  );
  for (const [route, entryJSFiles] of Object.entries(routes)) {
    const dir = path.join(next, "server", "app", ...route.split("/").filter(Boolean).slice(0, -1));
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, "page_client-reference-manifest.js"),
      `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\n` +
        `globalThis.__RSC_MANIFEST[${JSON.stringify(route)}] = ${JSON.stringify({ clientModules: {}, entryJSFiles, entryCSSFiles: {} })};\n`,
    );
  }
  for (const name of ["react.js", "runtime.js", "layout.js", "home.js", "item.js", "dialog.js", "polyfill.js", "styles.css"]) {
    writeFileSync(chunk(name), `/* ${name} */ (globalThis.TURBOPACK ||= []).push([]);\n`);
  }
}

beforeEach(() => {
  next = mkdtempSync(path.join(tmpdir(), "compile-hints-"));
});
afterEach(() => rmSync(next, { recursive: true, force: true }));

describe("compile hints on the first-load chunks", () => {
  it("hints the framework's chunks and every route's entry chunks, and nothing loaded later", () => {
    build({
      "/(ads)/page": { "[project]/app/layout": ["static/chunks/layout.js"], "[project]/app/(ads)/page": ["static/chunks/layout.js", "static/chunks/home.js"] },
      // A dynamic segment's brackets in the route's name.
      "/items/[id]/page": { "[project]/app/items/[id]/page": ["static/chunks/item.js"] },
    });
    expect(firstLoadChunks(next)).toEqual(
      ["home.js", "item.js", "layout.js", "react.js", "runtime.js"].map((c) => `static/chunks/${c}`),
    );

    expect(addCompileHints(next)).toEqual({ hinted: 5, chunks: 5 });
    for (const c of ["react.js", "runtime.js", "layout.js", "home.js", "item.js"]) {
      expect(read(c)).toBe(`${COMPILE_HINT}/* ${c} */ (globalThis.TURBOPACK ||= []).push([]);\n`);
    }
    // The lazy dialog chunk and the nomodule polyfills stay as built.
    expect(read("dialog.js").startsWith("/*")).toBe(true);
    expect(read("polyfill.js").startsWith("/*")).toBe(true);
  });

  it("changes nothing when run again", () => {
    build({ "/(ads)/page": { "[project]/app/(ads)/page": ["static/chunks/home.js"] } });
    addCompileHints(next);
    const once = read("home.js");
    expect(addCompileHints(next)).toEqual({ hinted: 0, chunks: 3 });
    expect(read("home.js")).toBe(once);
  });

  it("says what is wrong, and changes nothing, when there is no build or a manifest is not Next's", () => {
    expect(() => addCompileHints(next)).toThrow(/build-manifest\.json: run `next build` first/);

    build({ "/(ads)/page": { "[project]/app/(ads)/page": ["static/chunks/home.js"] } });
    writeFileSync(path.join(next, "server", "app", "page_client-reference-manifest.js"), "module.exports = {};\n");
    expect(() => addCompileHints(next)).toThrow(/not a client reference manifest/);
    expect(read("react.js").startsWith("/*")).toBe(true);
  });
});

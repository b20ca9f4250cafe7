// Explicit compile hints for the scripts every page runs while it loads (issue 10, docs/performance.md
// "Compile hints"). V8 compiles a function lazily, on the main thread, the first time it is called, so
// most of a page's first long task was compiling the framework's modules as Turbopack instantiated
// them. A script whose first line is `//# allFunctionsCalledOnLoad` has all its functions compiled
// eagerly (Chrome 136+), on the background thread that streams the script while it downloads. Other
// engines read it as a comment.
//
// Only the chunks a page names when it loads get the hint: the framework's (`rootMainFiles`) and each
// route's entry chunks (`entryJSFiles`). Chunks loaded later (dialogs behind `React.lazy`) stay lazy.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

export const COMPILE_HINT = "//# allFunctionsCalledOnLoad\n";

const buildManifest = z.object({ rootMainFiles: z.array(z.string()) });
const clientReferenceManifest = z.object({ entryJSFiles: z.record(z.string(), z.array(z.string())).default({}) });

/** Every `*_client-reference-manifest.js` under `dir`, recursively. */
function clientManifests(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return clientManifests(p);
    return e.name.endsWith("_client-reference-manifest.js") ? [p] : [];
  });
}

/**
 * The manifest's object. The file is `globalThis.__RSC_MANIFEST["/route"] = {json};` after a one-line
 * preamble; it is read as data, never run.
 */
function readClientManifest(file: string) {
  const text = readFileSync(file, "utf8");
  const json = /^globalThis\.__RSC_MANIFEST\["(?:[^"\\]|\\.)*"\]\s*=\s*(\{.*\});?\s*$/m.exec(text)?.[1];
  if (!json) throw new Error(`${file}: not a client reference manifest Next wrote (no __RSC_MANIFEST assignment).`);
  return clientReferenceManifest.parse(JSON.parse(json));
}

/** The chunks (paths relative to `.next`, e.g. `static/chunks/abc.js`) some page names when it loads. */
export function firstLoadChunks(nextDir: string): string[] {
  const manifestPath = path.join(nextDir, "build-manifest.json");
  if (!existsSync(manifestPath)) throw new Error(`No ${manifestPath}: run \`next build\` first.`);
  const chunks = new Set(buildManifest.parse(JSON.parse(readFileSync(manifestPath, "utf8"))).rootMainFiles);
  for (const file of clientManifests(path.join(nextDir, "server", "app"))) {
    for (const files of Object.values(readClientManifest(file).entryJSFiles)) for (const f of files) chunks.add(f);
  }
  return [...chunks].filter((c) => c.endsWith(".js")).sort();
}

/**
 * Puts the hint on the first line of every first-load chunk that lacks it; returns how many files it
 * changed and how many it found. Running it twice changes nothing the second time.
 */
export function addCompileHints(nextDir: string): { hinted: number; chunks: number } {
  const chunks = firstLoadChunks(nextDir);
  let hinted = 0;
  for (const chunk of chunks) {
    const file = path.join(nextDir, chunk);
    const source = readFileSync(file, "utf8");
    if (source.startsWith(COMPILE_HINT)) continue;
    writeFileSync(file, COMPILE_HINT + source);
    hinted++;
  }
  return { hinted, chunks: chunks.length };
}

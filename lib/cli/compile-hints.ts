// Runs after `next build` (`npm run build`): puts V8's `//# allFunctionsCalledOnLoad` hint on the chunks
// every page runs while it loads, so Chrome compiles them while they download instead of on the main
// thread (lib/compile-hints.ts, docs/performance.md "Compile hints"). Takes no arguments.
import path from "node:path";
import { z } from "zod";
import { addCompileHints } from "@/lib/compile-hints";

if (!z.tuple([]).safeParse(process.argv.slice(2)).success) {
  console.error("usage: tsx lib/cli/compile-hints.ts   (no arguments; it reads .next in the current directory)");
  process.exit(2);
}
try {
  const { hinted, chunks } = addCompileHints(path.resolve(".next"));
  console.log(`Compile hints: ${hinted} of ${chunks} first-load chunks hinted${hinted < chunks ? " (the rest already were)" : ""}.`);
} catch (e) {
  console.error(`Compile hints: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}

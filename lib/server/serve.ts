// The production server: Next's request handler behind two layers of our own.
// - Compression (the `compression` middleware: brotli at quality 5 where the browser accepts it, else gzip),
//   which Next would otherwise do itself (gzip): next.config.mjs turns Next's off so that the layer below
//   sees plain HTML. Quality 5 makes react-dom's chunk 6% smaller than gzip for the same ~7 ms of CPU.
// - lib/server/defer-scripts.ts on every HTML response that carries a CSP nonce: the page's scripts load
//   after its first contentful paint.
// Everything else (scripts, styles, RSC payloads, server actions, the CSV export) is compressed but not
// rewritten, and streamed as Next streams it. Run by `npm start`, `npm run serve` and the end-to-end tests' server.
//   PORT (default 3000)
//   SCRIPTS_AFTER_PAINT=0 sends Next's script tags as Next writes them (for comparisons, or for a page that
//   would ever need its scripts before it paints).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { constants } from "node:zlib";
import compression from "compression";
import next from "next";
import { env } from "@/lib/env";
import { deferScriptsIn } from "@/lib/server/defer-scripts";

async function main() {
  const { port, scriptsAfterPaint } = env;
  const app = next({ dev: false, dir: process.cwd(), port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const compress = compression({ brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } } });
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    compress(req as never, res as never, () => {
      if (scriptsAfterPaint) deferScriptsIn(res);
      handle(req, res).catch((error: unknown) => {
        // As `next start` does: log it, and answer 500 if nothing has been sent yet.
        console.error(error);
        if (res.headersSent) res.destroy();
        else {
          res.statusCode = 500;
          res.end("Internal Server Error");
        }
      });
    });
  });
  // Every interface, as `next start` listens.
  server.listen(port, () => console.log(`✓ Ready on http://localhost:${port}`));
  // On SIGTERM or SIGINT: stop accepting, let requests in flight (an export, an action) finish, close Next,
  // exit. A second signal, or 10 s, ends it at once.
  let stopping = false;
  const stop = () => {
    if (stopping) process.exit(1);
    stopping = true;
    server.close(() => void app.close().finally(() => process.exit(0)));
    server.closeIdleConnections();
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, stop);
}

void main();

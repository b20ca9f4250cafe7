// How scripts start the production server (lib/server/serve.ts) as a child process: Node itself with tsx's
// loader, so that the child is the server (its memory is the server's, and signals reach it without a
// wrapper in between).
import path from "node:path";

export const serverCommand = (root = process.cwd()): [string, string[]] => [
  process.execPath,
  ["--import", "tsx", path.join(root, "lib", "server", "serve.ts")],
];

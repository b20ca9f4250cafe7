// How scripts start the production server (lib/server/serve.ts) as a child process: Node running tsx's
// CLI on it, both by absolute path so that no npx or shell sits between (signals reach the server).
import path from "node:path";

export const serverCommand = (root = process.cwd()): [string, string[]] => [
  process.execPath,
  [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), path.join(root, "lib", "server", "serve.ts")],
];

import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The layers (README, Architecture): app → components → lib → lib/credits → db. Lower layers never import
// higher ones; the engine knows nothing of React, Next or the app's other modules.
const noApp = { group: ["@/app", "@/app/**", "**/../app", "**/../app/**"], message: "components/ and lib/ never import app/: move what both need into lib/." };
const engineOnly = {
  group: ["react", "react-dom", "react/**", "next", "next/**", "@/components/**", "@/lib/*", "!@/lib/credits", "@/lib/*/**", "!@/lib/credits/**"],
  message: "The engine (lib/credits) depends only on db/ and itself: it knows nothing of React, Next or the app.",
};

// One link for the app (components/ui/link.tsx): it prefetches on intent, not on sight.
const oneLink = { name: "next/link", message: "Use Link from @/components/ui/link: it prefetches on intent (docs/performance.md)." };

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["app/**"],
    rules: { "no-restricted-imports": ["error", { paths: [oneLink] }] },
  },
  {
    files: ["components/**", "lib/**"],
    ignores: ["components/ui/link.tsx"],
    rules: { "no-restricted-imports": ["error", { paths: [oneLink], patterns: [noApp] }] },
  },
  {
    files: ["lib/credits/**"],
    ignores: ["lib/credits/**/*.test.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [noApp, engineOnly] }] },
  },
  {
    // Specs take `test` from e2e/test.ts, which waits for hydration after each navigation.
    files: ["e2e/**/*.spec.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "@playwright/test", importNames: ["test"], message: "Import test from e2e/test.ts: it waits for the deferred scripts." }] },
      ],
    },
  },
  globalIgnores([".next/**", "node_modules/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "db/migrations/**"]),
]);

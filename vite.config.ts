import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";
import remixConfig from "./remix.config.js";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

// Vitest shares this file: under Vitest the Remix plugin is left out (it expects a Remix build).
const underVitest = Boolean(process.env.VITEST);

export default defineConfig({
  plugins: [...(underVitest ? [] : [remix(remixConfig)]), tsconfigPaths()],
  // Listed up front so the dev server does not discover them mid-session and reload the page.
  optimizeDeps: {
    include: [
      "@mantine/core",
      "@mantine/hooks",
      "@conform-to/react",
      "@conform-to/zod",
      "i18next",
      "react-i18next",
      "katex",
      "prosemirror-model",
      "prosemirror-state",
      "prosemirror-view",
      "prosemirror-transform",
      "prosemirror-tables",
      "zod",
    ],
  },
  build: { chunkSizeWarningLimit: 1500 },
  test: {
    include: ["app/**/*.test.{ts,tsx}", "server/**/*.test.ts", "tests/integration/**/*.test.ts", "prisma/**/*.test.ts"],
    environment: "node",
    setupFiles: ["./tests/setup/setup-test-env.ts"],
    globalSetup: ["./tests/setup/global-setup.ts"],
    pool: "forks",
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});

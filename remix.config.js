// Remix's own options. vite.config.ts hands these to the Remix Vite plugin, so route conventions and
// future flags live in one place.
/** @type {import("@remix-run/dev").VitePluginConfig} */
export default {
  appDirectory: "app",
  buildDirectory: "build",
  ignoredRouteFiles: ["**/*.test.ts", "**/*.test.tsx", "**/.*"],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    // Off: every route is in the first page's manifest. Discovering routes lazily raced the header
    // bell's fetcher (it loads on every navigation) and once crashed a page with "Application
    // Error" (ADR 024).
    v3_lazyRouteDiscovery: false,
    v3_singleFetch: true,
  },
};

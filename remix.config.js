/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.*"],
  serverModuleFormat: "esm",
  serverPlatform: "node",
  // models/ and collab/ live outside app/; the server bundle imports them directly.
  watchPaths: ["models/**/*", "collab/**/*"],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    // Off on purpose: with lazy route discovery, a navigation that starts while a fetcher is
    // still discovering its route (the evaluation page loads its evidence list on opening)
    // finds no match for the fetcher and shows the whole page as "Page not found" (Remix
    // 2.17's router revalidates fetchers against routes not patched in yet). The app's route
    // manifest is small enough to send whole. tests/e2e/area-switch.test.ts.
    v3_lazyRouteDiscovery: false,
  },
  browserNodeBuiltinsPolyfill: { modules: { crypto: false } },
};

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
    v3_lazyRouteDiscovery: true,
  },
  browserNodeBuiltinsPolyfill: { modules: { crypto: false } },
};

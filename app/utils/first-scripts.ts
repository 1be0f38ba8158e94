// The page's first scripts are asked for as the browser meets their imports, not all at once
// ahead of the first paint (ADR 032). Remix's <Scripts> preloads every module a page's routes
// import (40 files, ~520 KB here); the browser then fetches, parses and compiles them while it
// still has the served page to lay out and paint, and on a tablet or a 2-core machine the paint
// waits for them. Without the preloads the browser paints the served page (which already takes
// typing and clicks: ADR 028) and then loads the scripts through their import graph.
//
// The server's first render and the browser's hydration must both use the same manifest, or the
// hydration would not match the served HTML: entry.server and entry.client both call this.

/** The parts of Remix's assets manifest that name what a page's first render preloads. */
interface PreloadingManifest {
  entry: { imports: string[] };
  routes: Record<string, { imports?: string[] }>;
}

/**
 * A copy of `manifest` whose entry and routes name no imports to preload: <Scripts> then
 * preloads the manifest, the entry module and the page's route modules only. Nothing else in
 * Remix reads these lists but `<Link prefetch>`, which then prefetches a route's own module.
 */
export function withoutPreloadedImports<M extends PreloadingManifest>(manifest: M): M {
  return {
    ...manifest,
    entry: { ...manifest.entry, imports: [] },
    routes: Object.fromEntries(
      Object.entries(manifest.routes).map(([id, route]) => [id, { ...route, imports: [] }]),
    ),
  };
}

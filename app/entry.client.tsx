import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { withoutPreloadedImports } from "./utils/first-scripts.ts";

declare global {
  interface Window {
    __remixManifest: Parameters<typeof withoutPreloadedImports>[0];
  }
}

// As the server rendered the page (entry.server.tsx): the same scripts, or hydration would not
// match what was served.
window.__remixManifest = withoutPreloadedImports(window.__remixManifest);

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <RemixBrowser />
    </StrictMode>,
  );
});

import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The scripts every page loads, read from the real build (`npm test` builds first): what a
// page needs to start must not carry what only another configuration uses.
const publicDir = path.resolve("public");

interface Manifest {
  entry: { module: string; imports?: string[] };
  routes: Record<string, { module: string; imports?: string[] }>;
}

function manifest(): Manifest {
  const file = readdirSync(path.join(publicDir, "build")).find((f) => f.startsWith("manifest-"));
  if (!file) throw new Error("No build manifest: run `npx remix build` first.");
  const text = readFileSync(path.join(publicDir, "build", file), "utf8");
  return JSON.parse(text.replace(/^window\.__remixManifest=/, "").replace(/;\s*$/, "")) as Manifest;
}

const scriptOf = (url: string) => readFileSync(path.join(publicDir, url), "utf8");
/** A string of Liveblocks' client (its service's address), kept by minification. */
const LIVEBLOCKS = "liveblocks.io";
/** A string of ProseMirror's view (a class it sets), under TipTap's editor: kept by minification. */
const PROSEMIRROR_VIEW = "ProseMirror-hideselection";
/** A class tldraw's canvas sets, kept by minification. */
const TLDRAW = "tl-container";

/** The scripts a page of `routeId` loads before it starts: the entry, the root, the route. */
function firstScripts(routeId: string): string[] {
  const { entry, routes } = manifest();
  const root = routes.root;
  const route = routes[routeId];
  return [
    ...new Set([
      entry.module,
      ...(entry.imports ?? []),
      root.module,
      ...(root.imports ?? []),
      route.module,
      ...(route.imports ?? []),
    ]),
  ];
}

describe("the scripts a page loads", () => {
  it("leave out Liveblocks' client, which a page fetches only on a site that runs on it (ADR 021)", () => {
    for (const id of Object.keys(manifest().routes)) {
      const carrying = firstScripts(id).filter((url) => scriptOf(url).includes(LIVEBLOCKS));
      expect(carrying, id).toEqual([]);
    }
    // …and it is in the build, for the pages of a Liveblocks site to fetch.
    const shared = readdirSync(path.join(publicDir, "build/_shared"));
    expect(shared.some((f) => scriptOf(`/build/_shared/${f}`).includes(LIVEBLOCKS))).toBe(true);
  });

  it("start every page without the text editor or the whiteboard, fetched when one is shown (ADR 028)", () => {
    for (const id of Object.keys(manifest().routes)) {
      const carrying = firstScripts(id).filter((url) => {
        const script = scriptOf(url);
        return script.includes(PROSEMIRROR_VIEW) || script.includes(TLDRAW);
      });
      expect(carrying, id).toEqual([]);
    }
    // The served text stands in meanwhile; the editor is in the build, for the page to fetch.
    const shared = readdirSync(path.join(publicDir, "build/_shared"));
    for (const marker of [PROSEMIRROR_VIEW, TLDRAW]) {
      expect(shared.some((f) => scriptOf(`/build/_shared/${f}`).includes(marker))).toBe(true);
    }
  });
});

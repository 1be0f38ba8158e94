import { describe, expect, it } from "vitest";
import { withoutPreloadedImports } from "../../app/utils/first-scripts.ts";

const manifest = {
  url: "/build/manifest-1.js",
  version: "1",
  entry: { module: "/build/entry.client-1.js", imports: ["/build/_shared/react-1.js"] },
  routes: {
    root: { id: "root", module: "/build/root-1.js", imports: ["/build/_shared/a-1.js"] },
    "routes/page": {
      id: "routes/page",
      parentId: "root",
      module: "/build/routes/page-1.js",
      imports: ["/build/_shared/a-1.js", "/build/_shared/b-1.js"],
      css: ["/build/_assets/page-1.css"],
    },
  },
};

describe("the manifest a page's first render uses", () => {
  it("names no imports to preload, and keeps every module and stylesheet", () => {
    const first = withoutPreloadedImports(manifest);
    expect(first.entry).toEqual({ module: "/build/entry.client-1.js", imports: [] });
    expect(first.routes.root).toEqual({ id: "root", module: "/build/root-1.js", imports: [] });
    expect(first.routes["routes/page"]).toEqual({
      id: "routes/page",
      parentId: "root",
      module: "/build/routes/page-1.js",
      imports: [],
      css: ["/build/_assets/page-1.css"],
    });
    expect(first.url).toBe(manifest.url);
    expect(first.version).toBe(manifest.version);
  });

  it("leaves the manifest it was given as it was", () => {
    const before = structuredClone(manifest);
    withoutPreloadedImports(manifest);
    expect(manifest).toEqual(before);
  });
});

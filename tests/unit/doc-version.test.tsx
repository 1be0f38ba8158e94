// @vitest-environment happy-dom
import { act, useLayoutEffect, useMemo } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { useDocVersion } from "../../app/collab/use-doc-version.ts";

// React's act() wants to be told it runs in a test.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** Shows how many entries the document's list holds, derived (memoised) by its version. */
function Count({ doc }: { doc: Y.Doc }) {
  const version = useDocVersion(doc);
  const count = useMemo(() => doc.getArray("items").length, [doc, version]);
  return <output>{count}</output>;
}

/**
 * Changes the document after the page rendered but before passive effects run, the way an
 * update arriving from the socket between a render and its effects does.
 */
function ChangesOnCommit({ doc }: { doc: Y.Doc }) {
  useLayoutEffect(() => {
    doc.getArray("items").push(["arrived"]);
  }, [doc]);
  return null;
}

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = "";
});

function render(element: JSX.Element): HTMLElement {
  const container = document.createElement("div");
  document.body.append(container);
  root = createRoot(container);
  act(() => root!.render(element));
  return container;
}

describe("useDocVersion", () => {
  it("changes with each update of the document", () => {
    const doc = new Y.Doc();
    const page = render(<Count doc={doc} />);
    expect(page.textContent).toBe("0");
    act(() => doc.getArray("items").push(["one"]));
    expect(page.textContent).toBe("1");
    act(() => doc.getArray("items").push(["two"]));
    expect(page.textContent).toBe("2");
  });

  it("counts an update that arrives between a render and its effects", () => {
    // The trust leader's comments showed "Comments (0)" beside a summary saying "2 comments":
    // the discussion synced after the panel rendered and before it listened for updates.
    const doc = new Y.Doc();
    const page = render(
      <>
        <Count doc={doc} />
        <ChangesOnCommit doc={doc} />
      </>,
    );
    expect(page.textContent).toBe("1");
  });

  it("stays still while inactive, and follows the document again once active", () => {
    const doc = new Y.Doc();
    const seen: number[] = [];
    function Watch({ active }: { active: boolean }) {
      const version = useDocVersion(doc, active);
      seen.push(version);
      return null;
    }
    render(<Watch active={false} />);
    const renders = seen.length;
    act(() => doc.getArray("items").push(["unseen"]));
    expect(seen.length).toBe(renders);
    act(() => root!.render(<Watch active />));
    const before = seen.at(-1);
    act(() => doc.getArray("items").push(["seen"]));
    expect(seen.at(-1)).not.toBe(before);
  });
});

import type { HocuspocusProvider } from "@hocuspocus/provider";
import { Tldraw } from "tldraw";
import { WHITEBOARD_ASSET_URLS } from "./tldraw-assets.client.ts";
import { useYjsTldrawStore } from "./use-yjs-tldraw-store.client.ts";

/** The meeting's shared whiteboard (tldraw), with everyone's cursors; observers only watch. */
export default function Whiteboard(props: {
  provider: HocuspocusProvider;
  readOnly: boolean;
  user: { userId: string; name: string; colour: string };
}) {
  const store = useYjsTldrawStore(props);
  if (store.status !== "synced-remote") return <p className="muted">Loading the whiteboard…</p>;
  return (
    <div className="whiteboard-canvas">
      {/* No embeds: they would load other sites' pages and icons into the meeting. */}
      <Tldraw store={store} assetUrls={WHITEBOARD_ASSET_URLS} embeds={[]} />
    </div>
  );
}

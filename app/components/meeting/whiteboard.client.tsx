import { Tldraw, type Editor } from "tldraw";
import type { RoomDocument } from "../../collab/room.ts";
import { WHITEBOARD_ASSET_URLS } from "./tldraw-assets.client.ts";
import { useYjsTldrawStore } from "./use-yjs-tldraw-store.client.ts";
import { WHITEBOARD_COMPONENTS } from "./whiteboard-toolbar.client.tsx";

/**
 * The meeting's shared whiteboard (tldraw), with everyone's cursors. Observers only watch: the
 * editor is read-only and its tools are not drawn at all (a tool that does nothing misleads).
 * `licenseKey` is the TLDRAW_LICENSE_KEY setting; without it tldraw works on localhost and
 * shows its "Get a license for production" notice, and a production site needs one.
 */
export default function Whiteboard(props: {
  document: RoomDocument;
  readOnly: boolean;
  user: { userId: string; name: string; colour: string };
  licenseKey: string | null;
}) {
  const store = useYjsTldrawStore(props);
  if (store.status !== "synced-remote") return <p className="muted">Loading the whiteboard…</p>;
  const onMount = (editor: Editor) => {
    editor.updateInstanceState({ isReadonly: props.readOnly });
  };
  return (
    <div className={`whiteboard-canvas${props.readOnly ? " whiteboard-readonly" : ""}`}>
      {/* No embeds: they would load other sites' pages and icons into the meeting. */}
      <Tldraw
        key={props.readOnly ? "watching" : "drawing"}
        store={store}
        assetUrls={WHITEBOARD_ASSET_URLS}
        embeds={[]}
        components={WHITEBOARD_COMPONENTS}
        hideUi={props.readOnly}
        onMount={onMount}
        licenseKey={props.licenseKey ?? undefined}
      />
    </div>
  );
}

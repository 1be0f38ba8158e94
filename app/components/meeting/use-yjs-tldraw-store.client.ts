import { useEffect, useState } from "react";
import {
  InstancePresenceRecordType,
  atom,
  createPresenceStateDerivation,
  createTLStore,
  defaultBindingUtils,
  defaultShapeUtils,
  react,
  type SerializedSchema,
  type TLInstancePresence,
  type TLRecord,
  type TLStoreWithStatus,
  type TLUser,
} from "tldraw";
import type * as Y from "yjs";
import type { RoomDocument } from "../../collab/room.ts";
import { whiteboardMetaOf, whiteboardRecordsOf } from "./whiteboard-shape.ts";

/** Marks the Yjs transactions this hook makes from local tldraw changes, so it skips their echo. */
const LOCAL = Symbol("tldraw-local");

function sameSchema(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The whiteboard bridge: a tldraw store kept in step with the `whiteboard` map of a meeting
 * document. Local changes made by the person go to Yjs in one transaction (with the tldraw
 * schema they were made with); remote ones arrive through `mergeRemoteChanges`, migrated from
 * the schema stored in the document. Cursors and selections travel in awareness only, never in
 * the document, with the names the server stamped on each connection (not whatever a client
 * says about itself). A read-only connection (an observer) never writes.
 */
export function useYjsTldrawStore({
  document,
  readOnly,
  user,
}: {
  /** The meeting document, as the page's room has it open. */
  document: RoomDocument | null;
  readOnly: boolean;
  user: { userId: string; name: string; colour: string };
}): TLStoreWithStatus {
  const [result, setResult] = useState<TLStoreWithStatus>({ status: "loading" });
  const { userId, name, colour } = user;

  useEffect(() => {
    if (!document) return;
    const doc = document.doc;
    const records = whiteboardRecordsOf(doc);
    const meta = whiteboardMetaOf(doc);
    const mode = atom<"readonly" | "readwrite">("mode", readOnly ? "readonly" : "readwrite");
    const status = atom<"online" | "offline">("status", "online");
    const store = createTLStore({
      shapeUtils: defaultShapeUtils,
      bindingUtils: defaultBindingUtils,
      collaboration: { mode, status },
    });
    const ours = store.schema.serialize();
    const cleanups: (() => void)[] = [];

    /** Records as stored, brought up to this browser's schema (dropped if they cannot be). */
    const migrate = (stored: TLRecord[]): TLRecord[] => {
      const from = meta.get("schema") as SerializedSchema | undefined;
      if (!from || sameSchema(from, ours)) return stored;
      return stored.flatMap((record) => {
        const migrated = store.schema.migratePersistedRecord(record, from);
        return migrated.type === "success" ? [migrated.value as TLRecord] : [];
      });
    };

    const putRemote = (put: TLRecord[], removed: TLRecord["id"][]) => {
      store.mergeRemoteChanges(() => {
        if (removed.length) store.remove(removed.filter((id) => store.has(id)));
        for (const record of migrate(put)) {
          try {
            store.put([record]);
          } catch {
            // A record this version of tldraw cannot validate is skipped, not fatal.
          }
        }
      });
    };

    const start = () => {
      // Everything stored so far: the document is the truth, this store starts from it.
      putRemote([...records.values()] as TLRecord[], []);

      const onRemote = (event: Y.YMapEvent<unknown>, transaction: Y.Transaction) => {
        if (transaction.origin === LOCAL) return;
        const put: TLRecord[] = [];
        const removed: TLRecord["id"][] = [];
        event.changes.keys.forEach((change, id) => {
          if (change.action === "delete") removed.push(id as TLRecord["id"]);
          else put.push(records.get(id) as TLRecord);
        });
        putRemote(put, removed);
      };
      records.observe(onRemote);
      cleanups.push(() => records.unobserve(onRemote));

      if (!readOnly) {
        cleanups.push(
          store.listen(
            ({ changes }) => {
              doc.transact(() => {
                for (const record of Object.values(changes.added)) records.set(record.id, record);
                for (const [, record] of Object.values(changes.updated))
                  records.set(record.id, record);
                for (const record of Object.values(changes.removed)) records.delete(record.id);
                if (!sameSchema(meta.get("schema"), ours)) meta.set("schema", ours);
              }, LOCAL);
            },
            { source: "user", scope: "document" },
          ),
        );
      }

      // Presence: my cursor and selection into awareness; everyone else's into the store.
      const awareness = document.awareness;
      if (awareness) {
        const $user = atom<TLUser>("user", {
          id: `user:${userId}`,
          typeName: "user",
          name,
          color: colour,
          imageUrl: "",
          meta: {},
        } as TLUser);
        const presence = createPresenceStateDerivation($user)(store);
        cleanups.push(
          react("whiteboard presence", () => {
            awareness.setLocalStateField("whiteboard", presence.get());
          }),
        );
        const onAwareness = () => {
          const wanted = new Map<TLInstancePresence["id"], TLInstancePresence>();
          awareness.getStates().forEach((state, clientId) => {
            if (clientId === awareness.clientID) return;
            const claimed = state.whiteboard as TLInstancePresence | null | undefined;
            const stamped = state.user as
              | { userId?: string; name?: string; color?: string }
              | undefined;
            if (!claimed || typeof claimed !== "object" || !stamped?.userId) return;
            const id = InstancePresenceRecordType.createId(String(clientId));
            // Who it is comes from the server's stamp, never from the client's own record.
            wanted.set(id, {
              ...claimed,
              id,
              typeName: "instance_presence",
              userId: `user:${stamped.userId}` as TLInstancePresence["userId"],
              userName: String(stamped.name ?? ""),
              color: String(stamped.color ?? "#444"),
            });
          });
          const stale = store.query
            .records("instance_presence")
            .get()
            .filter((p) => !wanted.has(p.id))
            .map((p) => p.id);
          store.mergeRemoteChanges(() => {
            if (stale.length) store.remove(stale);
            for (const record of wanted.values()) {
              try {
                store.put([record]);
              } catch {
                // A malformed cursor is not shown.
              }
            }
          });
        };
        awareness.on("change", onAwareness);
        onAwareness();
        cleanups.push(() => {
          awareness.off("change", onAwareness);
          awareness.setLocalStateField("whiteboard", null);
        });
      }

      const onStatus = () => status.set(document.save().state === "offline" ? "offline" : "online");
      onStatus();
      cleanups.push(document.subscribe(onStatus));
      setResult({ status: "synced-remote", connectionStatus: "online", store });
    };

    // Start from the server's state, not from an empty board that would look like "nothing yet".
    if (document.status().synced) start();
    else {
      let started = false;
      const stop = document.subscribe(() => {
        if (started || !document.status().synced) return;
        started = true;
        start();
      });
      cleanups.push(stop);
    }

    return () => {
      for (const cleanup of cleanups.reverse()) cleanup();
      setResult({ status: "loading" });
    };
  }, [document, readOnly, userId, name, colour]);

  return result;
}

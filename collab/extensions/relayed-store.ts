import type {
  Extension,
  Hocuspocus,
  afterLoadDocumentPayload,
  onConfigurePayload,
} from "@hocuspocus/server";
import { isRelayed } from "../relayed.ts";

/**
 * With several processes, an update another process relayed (Redis) is logged there, not here
 * (ADR 018). Hocuspocus does not schedule a store for relayed updates; this does, so a document
 * edited only elsewhere is stored here too, a debounce later: its projection is kept up to date
 * by every process holding it, also when the process the edits entered dies before its own
 * store. Whether the relayed updates themselves are stored is their checks' business (ADR 041).
 */
export class RelayedStoreExtension implements Extension {
  extensionName = "relayed-store";
  private instance: Hocuspocus | null = null;

  async onConfigure({ instance }: onConfigurePayload) {
    this.instance = instance;
  }

  async afterLoadDocument({ document, documentName }: afterLoadDocumentPayload) {
    document.on("update", (_update: Uint8Array, origin: unknown) => {
      if (!isRelayed(origin) || !this.instance) return;
      void this.instance.storeDocumentHooks(document, {
        instance: this.instance,
        clientsCount: document.getConnectionsCount(),
        document,
        documentName,
        lastContext: {},
        lastTransactionOrigin: origin,
      });
    });
  }
}

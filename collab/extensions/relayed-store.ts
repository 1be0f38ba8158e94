import type {
  Extension,
  Hocuspocus,
  afterLoadDocumentPayload,
  onConfigurePayload,
} from "@hocuspocus/server";
import { isRelayed } from "../relayed.ts";

/**
 * With several processes, an update another process relayed (Redis) is logged there, not here
 * (ADR 018). Hocuspocus does not schedule a store for relayed updates; this does, so this
 * process also compacts its whole state (relayed updates included) a debounce later. If the
 * process that logged nothing yet dies first, its writer's unconfirmed edit still reaches the
 * snapshot from here: losing it would take both processes failing within the debounce.
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

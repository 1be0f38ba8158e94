import { Liveblocks, LiveblocksError } from "@liveblocks/node";
import * as Y from "yjs";
import { loadActor } from "../../models/membership/membership.ts";
import { roleLabelAt } from "../../models/permissions/can.ts";
import type { Actor } from "../../models/permissions/roles.ts";
import {
  appendUpdates,
  compactDocument,
  loadStoredDocument,
} from "../../models/document-log/document-log.ts";
import { seedSnapshot } from "../../models/document-log/snapshot-write.ts";
import { hasLiveSession, ownersOfSessions } from "../../models/session/session.ts";
import type { CollabAccess, SessionTarget } from "../access.ts";
import { colourFor } from "../context.ts";
import { accessTo } from "../document-access.ts";
import { parseDocumentName } from "../document-name.ts";
import { writeProjection, type WrittenProjection } from "../projections.ts";
import { seedFor } from "../seeds.ts";
import { COMPACT_AFTER_ENTRIES } from "../extensions/persistence.ts";
import { coversSnapshot } from "./durability.ts";

/**
 * Liveblocks as the live backend (ADR 021): Liveblocks rooms named as our documents hold the
 * live Yjs state; MongoDB stays the system of record. Everything here goes through Liveblocks'
 * REST API (@liveblocks/node): rooms and their per-person permissions, reading a room's Yjs
 * document, sending it server-side updates.
 */

export interface LiveblocksSettings {
  secretKey: string;
  /** The dev server's address (e.g. http://127.0.0.1:1153); Liveblocks' own when absent. */
  baseUrl?: string;
  /** Signing secret of the webhook endpoint (whsec_…); webhooks are refused without it. */
  webhookSecret?: string;
}

/** Scopes of a read-only person: see the document and be present, never change it. */
export const READ_SCOPES = ["room:read", "room:presence:write"] as const;
export const WRITE_SCOPES = ["room:write"] as const;

/** Who the person is in a document, as everyone else sees them (ADR 004: the server says). */
export interface LiveblocksUserInfo {
  name: string;
  color: string;
  role: string;
  observing: boolean;
  [key: string]: string | boolean;
}

export type AuthAnswer =
  | { status: 200; body: string }
  | { status: 403; reason: string }
  | { status: number; body: string };

/** A document's pulls: the one running, and the one that will run next (shared by its askers). */
interface PullSlot {
  running: Promise<Y.Doc>;
  /** Whether the running pull has begun reading the room (too late to share it). */
  read: boolean;
  waiting: Promise<Y.Doc> | null;
}

/** How long a pull waits for others asking about the same document before it reads the room. */
export const PULL_GATHER_MS = 50;

function isStatus(error: unknown, status: number): boolean {
  return error instanceof LiveblocksError && error.status === status;
}

export class LiveblocksBackend implements CollabAccess {
  readonly client: Liveblocks;
  /** Per document: the last write of its projection, and one pull at a time. */
  private written = new Map<string, WrittenProjection>();
  private pulling = new Map<string, PullSlot>();
  private ready = new Map<string, Promise<void>>();

  constructor(readonly settings: LiveblocksSettings) {
    this.client = new Liveblocks({
      secret: settings.secretKey,
      ...(settings.baseUrl ? { baseUrl: settings.baseUrl } : {}),
    });
  }

  /**
   * The room exists (nobody but the people we grant may enter: no default access) and holds
   * at least what MongoDB holds: a new or emptied room gets the stored state, or the seed,
   * stored first so every process seeds with the same bytes (ADR 018's guard).
   */
  async ensureRoom(name: string): Promise<void> {
    let pending = this.ready.get(name);
    if (!pending) {
      pending = this.prepareRoom(name).finally(() => this.ready.delete(name));
      this.ready.set(name, pending);
    }
    await pending;
  }

  private async prepareRoom(name: string): Promise<void> {
    try {
      await this.client.createRoom(name, { defaultAccesses: [] });
    } catch (error) {
      if (!isStatus(error, 409)) throw error;
    }
    const live = new Uint8Array(await this.client.getYjsDocumentAsBinaryUpdate(name));
    const doc = new Y.Doc();
    Y.applyUpdate(doc, live);
    if (doc.store.clients.size > 0) return;
    const stored = await this.storedState(name);
    if (stored) await this.client.sendYjsBinaryUpdate(name, stored);
  }

  /** What MongoDB holds for the document (seeded and stored now if it never was). */
  private async storedState(name: string): Promise<Uint8Array | null> {
    const parsed = parseDocumentName(name);
    if (!parsed) throw new Error(`Not a document: ${name}`);
    let stored = await loadStoredDocument(name);
    if (!stored.snapshot && stored.updates.length === 0) {
      const seed = await seedFor(parsed);
      if (!seed) return null;
      if (await seedSnapshot(name, seed)) return seed;
      stored = await loadStoredDocument(name);
    }
    return Y.mergeUpdates([
      ...(stored.snapshot ? [stored.snapshot] : []),
      ...stored.updates.map((u) => u.update),
    ]);
  }

  /**
   * The auth endpoint's answer for `actor` and `room`: our one policy path decides (the same
   * `accessTo` the Hocuspocus server asks); the room's permission for this person is set to
   * match; the ID token carries the server's view of who they are. Refused: no token.
   */
  async authorize(actor: Actor, room: string): Promise<AuthAnswer> {
    const access = await accessTo(actor, room);
    if (!access) return { status: 403, reason: "You do not have access to this document." };
    await this.ensureRoom(room);
    await this.client.updateRoom(room, {
      usersAccesses: { [actor.userId]: access.write ? [...WRITE_SCOPES] : [...READ_SCOPES] },
    });
    const userInfo: LiveblocksUserInfo = {
      name: actor.name,
      color: colourFor(actor.userId),
      role: roleLabelAt(actor, access.resource),
      observing: !access.write,
    };
    const { status, body } = await this.client.identifyUser(
      { userId: actor.userId, groupIds: [] },
      { userInfo },
    );
    return { status, body };
  }

  /**
   * Brings MongoDB level with the room: reads the room's document over REST, logs whatever the
   * store lacks (one log entry; compacted like the Hocuspocus path's), writes the projection.
   *
   * Coalesced per document: at most one pull runs and one waits. Each pull gathers for
   * `PULL_GATHER_MS` before it reads the room; whoever asks until then shares it (the read
   * comes after their ask, so it sees everything Liveblocks had when they asked). Someone who
   * asks once it has read shares the waiting one, which starts when the running one ends.
   * However many people ask at once, a document costs one or two reads.
   */
  pull(name: string): Promise<Y.Doc> {
    const slot = this.pulling.get(name);
    if (slot && !slot.read) return slot.running;
    if (slot?.waiting) return slot.waiting;
    if (slot) {
      const waiting: Promise<Y.Doc> = slot.running
        .catch(() => null)
        .then(() => {
          slot.running = waiting;
          slot.waiting = null;
          slot.read = false;
          return this.gatherThenPull(name, slot);
        })
        .finally(() => this.settled(name, slot, waiting));
      slot.waiting = waiting;
      return waiting;
    }
    const fresh: PullSlot = { running: Promise.resolve(new Y.Doc()), read: false, waiting: null };
    const running = this.gatherThenPull(name, fresh).finally(() =>
      this.settled(name, fresh, running),
    );
    fresh.running = running;
    this.pulling.set(name, fresh);
    return running;
  }

  private async gatherThenPull(name: string, slot: PullSlot): Promise<Y.Doc> {
    await new Promise((resolve) => setTimeout(resolve, PULL_GATHER_MS));
    slot.read = true;
    return this.pullNow(name);
  }

  /** Forgets the document's slot once its last pull has ended and none waits. */
  private settled(name: string, slot: PullSlot, pull: Promise<Y.Doc>): void {
    if (slot.running === pull && !slot.waiting && this.pulling.get(name) === slot) {
      this.pulling.delete(name);
    }
  }

  private async pullNow(name: string): Promise<Y.Doc> {
    const parsed = parseDocumentName(name);
    if (!parsed) throw new Error(`Not a document: ${name}`);
    const live = new Uint8Array(await this.client.getYjsDocumentAsBinaryUpdate(name));
    const stored = await loadStoredDocument(name);
    const doc = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const { update } of stored.updates) Y.applyUpdate(doc, update);
    const missing: Uint8Array[] = [];
    doc.on("update", (update: Uint8Array) => missing.push(update));
    Y.applyUpdate(doc, live, "liveblocks");
    if (missing.length > 0) {
      const ids = await appendUpdates(name, [Y.mergeUpdates(missing)]);
      const logged = stored.updates.length + ids.length;
      if (logged >= COMPACT_AFTER_ENTRIES) {
        const all = [...stored.updates.map((u) => u.id), ...ids];
        await compactDocument(name, Y.encodeStateAsUpdate(doc), all, stored.snapshotVersion);
      }
    }
    // Only updates the log lacked are someone's activity: a pull to serve a page is not (ADR 053).
    const written = await writeProjection(parsed, doc, this.written.get(name) ?? null, {
      changed: missing.length > 0,
    });
    if (written) this.written.set(name, written);
    return doc;
  }

  /**
   * Pulls, then says whether MongoDB now holds everything in `snapshot` (a browser's
   * `Y.encodeSnapshot`: its state vector and deletions): the save indicator's "Saved".
   * "no access" when `actor` may not read the document; "read only" when they may not write
   * it: they have no edits to save, and a pull stores whatever the room holds, whoever wrote
   * it, so someone who may only read does not get to start one (ADR 021).
   */
  async durable(
    actor: Actor,
    name: string,
    snapshot: Uint8Array,
  ): Promise<boolean | "no access" | "read only"> {
    // Asked with the same policy path as everything else.
    const access = await accessTo(actor, name);
    if (!access) return "no access";
    if (!access.write) return "read only";
    // Decoded before the pull: a snapshot that does not decode starts nothing.
    Y.decodeSnapshot(snapshot);
    const doc = await this.pull(name);
    return coversSnapshot(doc, snapshot);
  }

  async read(name: string): Promise<Y.Doc> {
    await this.ensureRoom(name);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, new Uint8Array(await this.client.getYjsDocumentAsBinaryUpdate(name)));
    return doc;
  }

  /** A server-side write (record mirrors, …): applied to a copy, sent as one update over REST,
   *  then pulled into MongoDB, so it is durable when this resolves. */
  async change(name: string, apply: (doc: Y.Doc) => void): Promise<void> {
    const doc = await this.read(name);
    const before = Y.encodeStateVector(doc);
    const updates: Uint8Array[] = [];
    doc.on("update", (update: Uint8Array) => updates.push(update));
    doc.transact(() => apply(doc));
    if (updates.length > 0) {
      await this.client.sendYjsBinaryUpdate(name, Y.encodeStateAsUpdate(doc, before));
    }
    await this.pull(name);
  }

  /**
   * Sessions ended (signed out, revoked): Liveblocks has no call that closes one person's
   * connections (ADR 021), so what we can do is shut the door behind them. A person left with
   * no live session loses their grant in every room, so a connection of theirs that reconnects
   * (even with an ID token it still holds) is refused; a person still signed in elsewhere keeps
   * it (grants are per person, not per session). Their browser leaves its rooms itself when
   * our endpoints tell it the session has ended. Access tokens open `/yjs/`, off here.
   */
  async endSessions(target: SessionTarget): Promise<void> {
    // A replaced session's person is signed in with its replacement: their grants stay, and
    // their browser authenticates with the new cookie when its ID token runs out.
    if ("tokenIds" in target || "replacedSessionIds" in target) return;
    const userIds =
      "userId" in target ? [target.userId] : await ownersOfSessions(target.sessionIds);
    for (const userId of userIds) {
      if (await hasLiveSession(userId)) continue;
      for await (const room of this.client.iterRooms({ userId })) {
        await this.client.updateRoom(room.id, { usersAccesses: { [userId]: null } });
      }
    }
  }

  /** Sets each room these people are granted in to what our policy says now (or removes them). */
  async recheckAccess(userIds: string[]): Promise<void> {
    for (const userId of userIds) {
      const actor = await loadActor(userId);
      for await (const room of this.client.iterRooms({ userId })) {
        const access = actor ? await accessTo(actor, room.id) : null;
        await this.client.updateRoom(room.id, {
          usersAccesses: {
            [userId]: access ? (access.write ? [...WRITE_SCOPES] : [...READ_SCOPES]) : null,
          },
        });
      }
    }
  }
}

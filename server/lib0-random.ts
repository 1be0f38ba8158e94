// lib0 (Yjs's helpers) takes `getRandomValues` from node:crypto once, as it loads, and draws
// four bytes a call: 32 calls for every Y.Doc (its id and client number). Hocuspocus makes a
// scratch Y.Doc for every awareness message, so every caret move paid 32 calls into OpenSSL,
// each with a system call (ADR 057). This module makes lib0 take the pool instead, then gives
// node:crypto its own back: nothing else draws from the pool.
//
// The imports run in order, before this module's body: the pool is lent, lib0 loads and takes
// it, the pool is taken back. So this must be the entry's first import: lib0 loads only once,
// and must not have loaded before (tests/integration/lib0-random.test.ts).
import "./random-pool-lent.ts";
import "lib0/webcrypto";
import { takePoolBack } from "./random-pool.ts";

takePoolBack();

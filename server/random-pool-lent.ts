// Only for lib0-random.ts: lends the pool while the module imported after this one loads.
import { lendPool } from "./random-pool.ts";

lendPool();

// One value per process for the server and for the Remix build, which bundles its own copy of
// every module it imports from models/: a module-level value would exist twice, and what the
// server set (a request's memo scope, the Redis connection for caches) the loaders would not see.

/** The process's one value under `name`, made by `make` the first time either copy asks. */
export function processWide<T>(name: string, make: () => T): T {
  const key = Symbol.for(`quality-marks.${name}`);
  const holder = globalThis as typeof globalThis & { [key: symbol]: T | undefined };
  return (holder[key] ??= make());
}

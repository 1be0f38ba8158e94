// A worker thread starts without the TypeScript loader the server runs under (tsx in
// production, vite in tests): register tsx here, then load the worker itself.
import { register } from "tsx/esm/api";

register();
await import("./render-worker.ts");

// `npm run ferretdb:build`: builds the embedded database ahead of time (CI, fresh clones).
import { buildFerretDB } from "./ferretdb.ts";

console.log(`FerretDB ready at ${buildFerretDB()}`);

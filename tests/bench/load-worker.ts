// One load process (forked by load-workers.ts): connects its share of the documents' clients,
// types into them on the bench's schedule and sends back its samples, CPU and event-loop delay.
import { connectDocument } from "./document-clients.ts";
import { runLoad, type LoadedDocument } from "./load.ts";
import type { FromWorker, ToWorker } from "./load-wire.ts";
import { toWire } from "./load-wire.ts";
import type { BenchOptions } from "./options.ts";
import { sampleSelf, type LoadGeneratorUsage } from "./self-sampler.ts";

let options: BenchOptions;
let documents: LoadedDocument[] = [];

const send = (message: FromWorker) => process.send!(message);

async function handle(message: ToWorker) {
  if (message.type === "connect") {
    options = message.options;
    for (const plan of message.documents) {
      documents.push({ clients: await connectDocument(plan, options.clients), path: plan.path });
    }
    send({ type: "connected" });
  } else if (message.type === "run") {
    let self: ReturnType<typeof sampleSelf>;
    let usage!: LoadGeneratorUsage;
    const load = await runLoad(documents, options, message.schedule, {
      start: () => (self = sampleSelf()),
      end: () => (usage = self.stop()),
    });
    send({ type: "result", result: toWire(load, usage) });
  } else {
    for (const { clients } of documents) for (const client of clients) client.destroy();
    documents = [];
    // Providers and timers of the destroyed clients may linger: give the closes a moment to go.
    setTimeout(() => process.exit(0), 200);
  }
}

process.on("message", (message: ToWorker) => {
  handle(message).catch((error: unknown) => {
    send({
      type: "failed",
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  });
});
// The bench went away (interrupted, or crashed): so do its clients.
process.on("disconnect", () => process.exit(0));

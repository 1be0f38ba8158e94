// Run as a child process by tests/integration/log-backpressure.test.ts: logs LINES request
// lines through the server's log, a few per event-loop turn as a busy server would, while a
// 5 ms heartbeat measures how long the event loop was ever held. Reports on stderr, as JSON,
// the longest gap between heartbeats once every line has been handed to the log, and how many
// lines the log dropped. Says `{"handedOver":true}` on stderr first, the moment the last line
// has been handed to the log, so the reader can stay stalled until then.
import { droppedLogLines, log } from "../../server/log.ts";

const LINES = Number(process.env.LINES ?? 3000);
const PER_TURN = 10;
const padding = "x".repeat(400);

let last = performance.now();
let longestGapMs = 0;
const heartbeat = setInterval(() => {
  const now = performance.now();
  longestGapMs = Math.max(longestGapMs, now - last);
  last = now;
}, 5);

let written = 0;
function turn() {
  for (let i = 0; i < PER_TURN && written < LINES; i++, written++)
    log.info({ n: written, path: `/build/chunk-${written}.js`, padding }, "request");
  if (written < LINES) setImmediate(turn);
  else {
    process.stderr.write(`${JSON.stringify({ handedOver: true })}\n`);
    setTimeout(() => {
      clearInterval(heartbeat);
      process.stderr.write(`${JSON.stringify({ longestGapMs, dropped: droppedLogLines() })}\n`);
    }, 50);
  }
}
turn();

/**
 * One queue of deferred work for every attempt in the process, run one piece per event-loop turn.
 * The client stamps bytes the moment they arrive and leaves decoding and finishing to this queue,
 * so one stream's work never delays another stream's timestamp.
 */

/**
 * Work waiting for its turn: `nextWork` is taken from by index, `laterWork` appended to; they swap
 * when the first runs out, so the queue never holds more than the work actually waiting.
 */
let nextWork: Array<() => void> = [];
let nextIndex = 0;
let laterWork: Array<() => void> = [];
let turnScheduled = false;

/**
 * Runs work one piece per event-loop turn, in order. Between two pieces the loop polls its
 * sockets again, so bytes that arrived while a piece ran are stamped before the next piece starts:
 * a timestamp waits for at most one piece of other streams' work (one decode, or one finished
 * response with its row and next request, whose promise continuations run right after it),
 * never for a whole burst of them. Shared by all attempts, since they share the event loop.
 */
export function deferWork(work: () => void): void {
  laterWork.push(work);
  if (!turnScheduled) {
    turnScheduled = true;
    setImmediate(runDeferredPiece);
  }
}

function runDeferredPiece(): void {
  if (nextIndex === nextWork.length) {
    nextWork = laterWork;
    nextIndex = 0;
    laterWork = [];
  }
  const work = nextWork[nextIndex] as () => void;
  nextIndex += 1;
  if (nextIndex < nextWork.length || laterWork.length > 0) setImmediate(runDeferredPiece);
  else turnScheduled = false;
  work();
}

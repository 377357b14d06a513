/**
 * Gathers the calls made while an earlier one is in flight into one next call of `run`, as a
 * database's group commit does: the first caller runs at once, so a lone caller waits no longer
 * than it would alone; under load, callers that arrive during a round trip share the next one.
 * `run` answers one result per item, in order. A caller's promise settles with its batch (and
 * rejects with it).
 */
export function groupCalls<T, R>(run: (items: T[]) => Promise<R[]>, maxBatch = 1_000): (item: T) => Promise<R> {
  let waiting: { item: T; resolve: (r: R) => void; reject: (err: unknown) => void }[] = [];
  let running = false;
  async function drain(): Promise<void> {
    running = true;
    while (waiting.length > 0) {
      const batch = waiting.slice(0, maxBatch);
      waiting = waiting.slice(maxBatch);
      try {
        const results = await run(batch.map((w) => w.item));
        if (results.length !== batch.length) throw new Error(`groupCalls: ${batch.length} items got ${results.length} results`);
        batch.forEach((w, i) => w.resolve(results[i] as R));
      } catch (err) {
        for (const w of batch) w.reject(err);
      }
    }
    running = false;
  }
  return (item) =>
    new Promise<R>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      if (!running) void drain();
    });
}

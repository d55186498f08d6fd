import pg from "pg";

/**
 * A pg Client that sends a connection's queries one after another, each once the previous one has answered.
 *
 * Why: Prisma's query interpreter (7.x) runs the relation reads of one `include` concurrently
 * (`Promise.all` over a join's children), and inside an interactive transaction they all go to the ONE
 * connection the transaction holds. pg queues them itself, but that queue is deprecated ("Calling
 * client.query() when the client is already executing a query is deprecated and will be removed in pg@9.0")
 * and will become an error; prisma/orm#29979 (adapter-pg: serialize queries on single-connection clients) is
 * the same fix upstream, not released. Only the promise form (what @prisma/adapter-pg uses) is chained here:
 * the pool's own callback-form calls, and submittables (cursors), pass through unchanged.
 *
 * The order is the order of the calls, as pg's queue kept it, and a query waits for the previous one exactly
 * as long as it did in pg's queue (pg sends the next query only once the connection is ready for it), so
 * nothing is slower; a failed query does not stop the ones behind it (each answers for itself).
 */
export class SerialPgClient extends pg.Client {
  #tail: Promise<unknown> = Promise.resolve();

  // pg's overloads cannot be restated one by one; the arguments are passed on untouched.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(config: any, values?: any, callback?: any): any {
    const promiseForm =
      config != null &&
      typeof config.submit !== "function" &&
      typeof config.callback !== "function" &&
      typeof values !== "function" &&
      typeof callback !== "function";
    if (!promiseForm) return super.query(config, values, callback);
    const run = this.#tail.then(() => super.query(config, values));
    this.#tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }
}

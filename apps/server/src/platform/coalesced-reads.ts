/**
 * Reads shared by the requests waiting for them. A request never joins a read already running: it waits for
 * the next read of its key, which starts after it arrived and takes every request waiting then. So an answer
 * always reflects everything committed before its request came in, and a burst of N requests for one key costs
 * at most two reads instead of N — what many screens polling the same snapshot need (the live board: every
 * nurse's, prescriber's and therapist's screen in a clinic). One read of a key runs at a time: a second one
 * beside it would cost as much again and serve fewer.
 *
 * The read is given the waiters it serves, so it can do each request's durable work in its own transaction
 * (an audit entry per reader). A failed read fails exactly the requests it served; the next waiters get a new
 * read. Nothing is kept after a read: this is not a cache.
 *
 * @example
 *   const reads = new CoalescedReads((clinicId, readers: Reader[]) => readBoard(clinicId, readers));
 *   const board = await reads.get(clinicId, reader);
 */
interface Waiting<W, R> {
  waiter: W;
  resolve: (r: R) => void;
  reject: (e: unknown) => void;
}

interface KeyState<W, R> {
  running: number;
  waiting: Array<Waiting<W, R>>;
}

export class CoalescedReads<W, R> {
  /** The keys with a read running: how many run and the requests waiting for the next one. */
  readonly #keys = new Map<string, KeyState<W, R>>();
  /** Reads run, requests served and the most requests one read served (tests and diagnostics). */
  readonly stats = { reads: 0, requests: 0, largestGroup: 0 };

  constructor(private readonly read: (key: string, waiters: W[]) => Promise<R>) {}

  get(key: string, waiter: W): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.stats.requests += 1;
      let state = this.#keys.get(key);
      if (!state) {
        state = { running: 0, waiting: [] };
        this.#keys.set(key, state);
      }
      state.waiting.push({ waiter, resolve, reject });
      if (state.running === 0) this.#start(key, state);
    });
  }

  /** Starts a read for every request waiting now; when it ends, the next read for those who came meanwhile. */
  #start(key: string, state: KeyState<W, R>) {
    const group = state.waiting;
    state.waiting = [];
    state.running += 1;
    this.stats.reads += 1;
    this.stats.largestGroup = Math.max(this.stats.largestGroup, group.length);
    const settled = (settle: (g: Waiting<W, R>) => void) => {
      for (const g of group) settle(g);
      state.running -= 1;
      if (state.waiting.length > 0) this.#start(key, state);
      else if (state.running === 0) this.#keys.delete(key);
    };
    let pending: Promise<R>;
    try {
      pending = this.read(
        key,
        group.map((g) => g.waiter),
      );
    } catch (e) {
      pending = Promise.reject(e);
    }
    // Every outcome goes to the requests this read served: nothing is dropped or left unsettled.
    pending.then(
      (r) => settled((g) => g.resolve(r)),
      (e) => settled((g) => g.reject(e)),
    );
  }
}

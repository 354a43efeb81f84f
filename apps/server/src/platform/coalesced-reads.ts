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
 * read. Nothing is kept after a read but how many it served and how long it took: this is not a cache.
 *
 * Gathering. The screens a read has just answered come back together (each refetches on the same events), a
 * few milliseconds apart. If the first of them started the next read alone, the rest would wait for a read
 * after it: the screens would split into two groups taking turns, every request waiting two reads. So after a
 * read, the next one starts once as many requests are waiting as that read's round had (those it served and
 * those that came while it ran), or once as long as that read took has passed since it ended (waiting longer
 * would cost more than the second read it saves), at most `maxGatherMs`, whichever comes first. A request
 * that finds its key idle past that window starts a read at once. PostgreSQL's `commit_delay` gathers
 * commits the same way.
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
  running: boolean;
  waiting: Array<Waiting<W, R>>;
  /** The next read's start while it gathers requests. */
  timer: NodeJS.Timeout | undefined;
  /** The last read's round: the requests it served and those that came while it ran. */
  round: number;
  /** Until when (`performance.now()`) the next read waits for the round to come back. */
  gatherUntil: number;
}

export class CoalescedReads<W, R> {
  /** Each key's state: whether a read runs, who waits for the next one, and the last read's round. */
  readonly #keys = new Map<string, KeyState<W, R>>();
  /** Reads run, requests served and the most requests one read served (tests and diagnostics). */
  readonly stats = { reads: 0, requests: 0, largestGroup: 0 };

  constructor(
    private readonly read: (key: string, waiters: W[]) => Promise<R>,
    /** The longest a read waits for the last round's requests to come back. */
    private readonly maxGatherMs = 25,
  ) {}

  get(key: string, waiter: W): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.stats.requests += 1;
      let state = this.#keys.get(key);
      if (!state) {
        state = { running: false, waiting: [], timer: undefined, round: 0, gatherUntil: 0 };
        this.#keys.set(key, state);
      }
      state.waiting.push({ waiter, resolve, reject });
      if (!state.running) this.#startWhenGathered(key, state);
    });
  }

  /** Starts the next read now if the last round is back or its window is over; else when either happens. */
  #startWhenGathered(key: string, state: KeyState<W, R>) {
    const left = state.gatherUntil - performance.now();
    if (state.waiting.length >= state.round || left <= 0) {
      clearTimeout(state.timer);
      state.timer = undefined;
      this.#start(key, state);
    } else if (!state.timer) {
      state.timer = setTimeout(() => {
        state.timer = undefined;
        this.#start(key, state);
      }, left);
    }
  }

  /** Starts a read for every request waiting now; when it ends, the next read for those who came meanwhile. */
  #start(key: string, state: KeyState<W, R>) {
    const group = state.waiting;
    state.waiting = [];
    state.running = true;
    this.stats.reads += 1;
    this.stats.largestGroup = Math.max(this.stats.largestGroup, group.length);
    const began = performance.now();
    const settled = (settle: (g: Waiting<W, R>) => void) => {
      for (const g of group) settle(g);
      const ended = performance.now();
      state.running = false;
      state.round = group.length + state.waiting.length;
      state.gatherUntil = ended + Math.min(ended - began, this.maxGatherMs);
      if (state.waiting.length > 0) this.#startWhenGathered(key, state);
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

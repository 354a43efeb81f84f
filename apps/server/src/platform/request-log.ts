/**
 * What the server logs about requests (Fastify `logController`).
 *
 * A request that fails (4xx, 5xx) gets its own line at its end: route pattern (never the URL, which can hold
 * a search term or a one-time token), status and time. Successful requests are counted instead and summed up
 * every `SUMMARY_EVERY_MS` in one line per route (count, mean and slowest time): a clinic's monitors post
 * vitals many times a second, and a line per reading cost a fifth of the server's time per request while
 * telling an operator nothing the summary does not (who did what is in the audit log). At `debug` level every
 * request gets its own line again.
 *
 * @example
 *   Fastify({ logger: {...}, logController: new RequestLog() })
 *   // {"msg":"requests completed","method":"POST","route":"/api/v1/sessions/:id/vitals","count":4120,"meanMs":3.1,"maxMs":41.7}
 */
import { type FastifyBaseLogger, type FastifyReply, type FastifyRequest, LogController } from 'fastify';

export const SUMMARY_EVERY_MS = 10_000;
const DETAILED = new Set(['debug', 'trace']);

interface Tally {
  method: string;
  route: string;
  count: number;
  totalMs: number;
  maxMs: number;
}

export class RequestLog extends LogController {
  readonly #tallies = new Map<string, Tally>();
  #timer: NodeJS.Timeout | undefined;
  #log: FastifyBaseLogger | undefined;

  override incomingRequest() {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply) {
    const ms = reply.elapsedTime;
    if (error || reply.statusCode >= 500) {
      reply.log.error(
        { req: request, res: reply, responseTime: ms, err: error ?? undefined },
        'request errored',
      );
      return;
    }
    if (reply.statusCode >= 400 || DETAILED.has(reply.log.level)) {
      reply.log.info({ req: request, res: reply, responseTime: ms }, 'request completed');
      return;
    }
    const route = request.routeOptions?.url ?? 'unmatched';
    const key = `${request.method} ${route}`;
    let t = this.#tallies.get(key);
    if (!t) {
      t = { method: request.method, route, count: 0, totalMs: 0, maxMs: 0 };
      this.#tallies.set(key, t);
    }
    t.count += 1;
    t.totalMs += ms;
    if (ms > t.maxMs) t.maxMs = ms;
    this.#log ??= request.server.log;
    this.#timer ??= setTimeout(() => this.flush(), SUMMARY_EVERY_MS).unref();
  }

  /** Writes the pending summaries now (on the timer, and when the server closes). */
  flush() {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    for (const t of this.#tallies.values()) {
      this.#log?.info(
        {
          method: t.method,
          route: t.route,
          count: t.count,
          meanMs: Math.round((t.totalMs / t.count) * 10) / 10,
          maxMs: Math.round(t.maxMs * 10) / 10,
        },
        'requests completed',
      );
    }
    this.#tallies.clear();
  }
}

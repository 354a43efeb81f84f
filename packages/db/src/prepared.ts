/**
 * Prepared statements for hot queries on the `pg` driver, opted into in the SQL text itself:
 *
 * @example
 *   sql`-- prepare:vitals_store_upload
 *       with s as (…) select …`
 *
 * A query whose text starts with `-- prepare:<name>` is sent as a named statement (PostgreSQL protocol
 * "Extended Query": Parse once per connection, then Bind/Execute only), so the server neither re-parses nor
 * re-plans it on every call. The name carries a hash of the text, so a changed text is a new statement. Only
 * marked queries are prepared: the set stays small and fixed (a statement lives as long as its connection), and
 * queries whose best plan depends on their parameters (reports) keep being planned per call. PGlite ignores the
 * marker (it is an SQL comment).
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';

const MARKER = /^\s*-- prepare:([a-z0-9_]{1,40})\n/;
const names = new Map<string, string | null>();

/** The statement name for a marked query text, or null. Memoized by text (the marked texts are few). */
export function preparedName(text: string): string | null {
  let n = names.get(text);
  if (n !== undefined) return n;
  const m = MARKER.exec(text);
  n = m ? `${m[1]}_${createHash('sha256').update(text).digest('hex').slice(0, 12)}` : null;
  if (names.size < 1000) names.set(text, n);
  return n;
}

type Query = (...args: unknown[]) => unknown;

/** Wraps a pool so that clients it hands out send marked queries as named (prepared) statements. */
export function withPreparedStatements(pool: pg.Pool): pg.Pool {
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as Query;
    // The client's own `query` is replaced (an own property shadowing the prototype's method); pg's pool calls it.
    const prepared: Query = (first: unknown, values?: unknown, cb?: unknown): unknown => {
      if (typeof first === 'string' && Array.isArray(values)) {
        const name = preparedName(first);
        if (name) return query({ name, text: first, values }, cb);
      }
      return cb === undefined ? query(first, values) : query(first, values, cb);
    };
    Object.defineProperty(client, 'query', { value: prepared, writable: true, configurable: true });
  });
  return pool;
}

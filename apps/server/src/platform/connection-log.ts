/**
 * Logs what the database driver reports about its connections (see @plasticity/db pg-listener.ts): a lost
 * and restored LISTEN connection, failed reconnection attempts (the first, then every tenth), and idle pooled
 * connections that broke. Only the error's class and SQLSTATE/system code are logged, never its message.
 */
import type { ConnectionEvent, Database } from '@plasticity/db';
import { describeError, type JobLogger } from './jobs.ts';

export function watchConnections(
  database: Pick<Database, 'onConnection'>,
  log: JobLogger & { warn(obj: object, msg: string): void },
): () => void {
  return database.onConnection((e: ConnectionEvent) => {
    switch (e.kind) {
      case 'listen_lost':
        log.error(
          e.error ? describeError(e.error) : {},
          'database LISTEN connection lost; reconnecting (live board and session invalidation paused)',
        );
        break;
      case 'listen_retry_failed':
        if (e.attempt === 1 || e.attempt % 10 === 0)
          log.warn({ attempt: e.attempt, ...describeError(e.error) }, 'database LISTEN reconnection failed');
        break;
      case 'listen_restored':
        log.info({ downMs: e.downMs, attempts: e.attempts }, 'database LISTEN connection restored');
        break;
      case 'pool_error':
        log.warn(describeError(e.error), 'an idle database connection failed and was discarded');
        break;
    }
  });
}

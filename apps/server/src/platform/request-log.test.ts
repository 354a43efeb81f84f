import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { RequestLog } from './request-log.ts';

/** Captures what the server logs, as parsed JSON lines. */
async function appWithLog(level: string) {
  const lines: Array<Record<string, unknown>> = [];
  const requestLog = new RequestLog();
  const app = Fastify({
    logger: { level, stream: { write: (s: string) => lines.push(JSON.parse(s)) } },
    logController: requestLog,
  });
  app.get('/ok/:id', async () => ({ ok: true }));
  app.get('/missing', async (_req, reply) => reply.status(404).send({ error: 'nope' }));
  app.get('/boom', async () => {
    throw new Error('boom');
  });
  await app.ready();
  return { app, lines, requestLog };
}

describe('RequestLog', () => {
  it('sums successful requests per route and logs failures one by one, never the URL', async () => {
    const { app, lines, requestLog } = await appWithLog('info');
    for (let i = 0; i < 5; i++) await app.inject({ url: `/ok/secret-${i}?q=Smith` });
    await app.inject({ url: '/missing' });
    await app.inject({ url: '/boom' });
    expect(
      lines
        .filter((l) => l.msg === 'request completed')
        .map((l) => (l.res as { statusCode: number }).statusCode),
    ).toEqual([404]);
    expect(lines.filter((l) => l.msg === 'request errored').map((l) => l.level)).toEqual([50]);
    requestLog.flush();
    const summary = lines.filter((l) => l.msg === 'requests completed');
    expect(summary).toEqual([expect.objectContaining({ method: 'GET', route: '/ok/:id', count: 5 })]);
    expect(JSON.stringify(lines)).not.toMatch(/secret-|Smith/);
    requestLog.flush();
    expect(lines.filter((l) => l.msg === 'requests completed')).toHaveLength(1);
  });

  it('logs every request at debug level', async () => {
    const { app, lines } = await appWithLog('debug');
    await app.inject({ url: '/ok/1' });
    await app.inject({ url: '/ok/2' });
    expect(lines.filter((l) => l.msg === 'request completed')).toHaveLength(2);
  });
});

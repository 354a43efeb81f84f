import { describe, expect, it } from 'vitest';
import { ManualClock } from './clock.ts';
import { describeError, Jobs, SAFETY_STALE_MS } from './jobs.ts';

class DatabaseError extends Error {
  code = '57P01';
}

function capture() {
  const lines: Array<{ level: string; obj: Record<string, unknown>; msg: string }> = [];
  return {
    lines,
    error: (obj: object, msg: string) =>
      lines.push({ level: 'error', obj: obj as Record<string, unknown>, msg }),
    info: (obj: object, msg: string) =>
      lines.push({ level: 'info', obj: obj as Record<string, unknown>, msg }),
  };
}

describe('background jobs', () => {
  it('logs a failure with class and SQLSTATE only, counts consecutive failures, and resets on success', async () => {
    const clock = new ManualClock(Date.parse('2026-03-01T12:00:00Z'));
    const log = capture();
    const jobs = new Jobs(clock, log);
    const run = jobs.register('outbox-sender');
    const secret = 'patient Ada Lovelace 1985-05-05';
    expect(await run(() => Promise.reject(new DatabaseError(`duplicate key (${secret})`)))).toBe(false);
    expect(await run(() => Promise.reject(new DatabaseError(secret)))).toBe(false);
    expect(log.lines).toHaveLength(2);
    expect(log.lines[1]).toEqual({
      level: 'error',
      obj: { job: 'outbox-sender', errorClass: 'DatabaseError', sqlstate: '57P01', consecutiveFailures: 2 },
      msg: 'background job failed',
    });
    expect(JSON.stringify(log.lines)).not.toContain('Ada');
    const failing = jobs.health().jobs[0];
    expect(failing).toMatchObject({
      consecutiveFailures: 2,
      lastSuccessAt: null,
      safety: false,
      stale: false,
    });
    expect(failing?.lastError).toEqual({ errorClass: 'DatabaseError', sqlstate: '57P01' });

    clock.advance(1000);
    expect(await run(async () => 'done')).toBe(true);
    expect(log.lines[2]).toMatchObject({ level: 'info', obj: { job: 'outbox-sender', afterFailures: 2 } });
    expect(jobs.health().jobs[0]).toMatchObject({
      consecutiveFailures: 0,
      lastSuccessAt: '2026-03-01T12:00:01.000Z',
    });
  });

  it('is unhealthy once a safety job has not succeeded for two minutes (counting from registration)', async () => {
    const clock = new ManualClock();
    const jobs = new Jobs(clock, capture());
    const sweep = jobs.register('vitals-sweep', { safety: true });
    const scheduler = jobs.register('questionnaire-scheduler');
    // Not run yet: healthy until two minutes after registration.
    clock.advance(SAFETY_STALE_MS - 1);
    expect(jobs.health().healthy).toBe(true);
    clock.advance(1);
    expect(jobs.health().healthy).toBe(false);
    expect(await sweep(async () => undefined)).toBe(true);
    expect(jobs.health().healthy).toBe(true);
    // Failing for two minutes after the last success.
    for (let i = 0; i < 8; i++) {
      clock.advance(15_000);
      await sweep(() => Promise.reject(new Error('x')));
    }
    const h = jobs.health();
    expect(h.healthy).toBe(false);
    expect(h.jobs.find((j) => j.name === 'vitals-sweep')).toMatchObject({
      stale: true,
      consecutiveFailures: 8,
    });
    // A non-safety job failing forever never makes the process unhealthy.
    await sweep(async () => undefined);
    for (let i = 0; i < 3; i++) await scheduler(() => Promise.reject(new Error('x')));
    clock.advance(SAFETY_STALE_MS * 10);
    await sweep(async () => undefined);
    expect(jobs.health().healthy).toBe(true);
  });

  it('runs a job on its interval without overlapping runs, and stop waits for the run in progress', async () => {
    const jobs = new Jobs(new ManualClock(), capture());
    let active = 0;
    let maxActive = 0;
    let runs = 0;
    const stop = jobs.every(
      'alert-escalation',
      5,
      async () => {
        active += 1;
        maxActive = Math.max(maxActive, active);
        await new Promise((r) => setTimeout(r, 30));
        runs += 1;
        active -= 1;
      },
      { safety: true, runNow: true },
    );
    await new Promise((r) => setTimeout(r, 100));
    await stop();
    expect(active).toBe(0);
    expect(maxActive).toBe(1);
    expect(runs).toBeGreaterThanOrEqual(2);
    const after = runs;
    await new Promise((r) => setTimeout(r, 30));
    expect(runs).toBe(after);
  });

  it('describes errors by kind: SQLSTATE, system code, or class alone', () => {
    expect(describeError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toEqual(
      {
        errorClass: 'Error',
        code: 'ECONNREFUSED',
      },
    );
    expect(describeError(new TypeError('x is undefined'))).toEqual({ errorClass: 'TypeError' });
    expect(describeError('a string')).toEqual({ errorClass: 'string' });
  });
});

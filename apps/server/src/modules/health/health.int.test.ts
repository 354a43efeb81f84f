/**
 * `/healthz` reports background jobs (platform/jobs.ts): 200 with each job's last success while healthy,
 * 503 once a safety job has not succeeded for two minutes (time moved with the test clock, not waited for),
 * 200 again after it succeeds; and it stays out of the OpenAPI document.
 */
import { testBackends } from '@plasticity/db/testing/index';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { SAFETY_STALE_MS } from '../../platform/jobs.ts';
import { useTestApp } from '../../test/harness.ts';

describe.each(testBackends())('/healthz on %s', (backend) => {
  const h = useTestApp(backend);
  const health = async () => {
    const r = await h.app.inject({ method: 'GET', url: '/healthz' });
    return { status: r.statusCode, body: r.json() };
  };

  it('turns 503 when a safety job has failed for two minutes, naming it, and 200 once it succeeds', async () => {
    const first = await health();
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('ok');
    expect(first.body.jobs.map((j: { name: string }) => j.name)).toContain('audit-sealing');

    let failing = true;
    // A job that fails the way a database outage or a bug would: with an error from the database.
    const run = h.built.ctx.jobs.register('injected-safety-job', { safety: true });
    const work = () => (failing ? sql`select 1 / 0`.execute(h.database.db) : Promise.resolve());
    expect(await run(work)).toBe(false);
    const early = await health();
    expect(early.status).toBe(200);
    expect(early.body.jobs.find((j: { name: string }) => j.name === 'injected-safety-job')).toMatchObject({
      safety: true,
      consecutiveFailures: 1,
      lastSuccessAt: null,
      lastError: { sqlstate: '22012' },
      stale: false,
    });

    h.clock.advance(SAFETY_STALE_MS / 2);
    expect(await run(work)).toBe(false);
    expect((await health()).status).toBe(200);
    h.clock.advance(SAFETY_STALE_MS / 2);
    expect(await run(work)).toBe(false);
    const down = await health();
    expect(down.status).toBe(503);
    expect(down.body.status).toBe('unhealthy');
    expect(down.body.jobs.find((j: { name: string }) => j.name === 'injected-safety-job')).toMatchObject({
      consecutiveFailures: 3,
      stale: true,
    });

    failing = false;
    expect(await run(work)).toBe(true);
    const up = await health();
    expect(up.status).toBe(200);
    expect(up.body.jobs.find((j: { name: string }) => j.name === 'injected-safety-job')).toMatchObject({
      consecutiveFailures: 0,
      lastSuccessAt: h.clock.now().toISOString(),
      stale: false,
    });
  });

  it('stays out of the OpenAPI document', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(Object.keys(doc.paths)).not.toContain('/healthz');
  });
});

// Started jobs work over every clinic of their database (escalation, the vitals sweep, the questionnaire
// scheduler, the outbox), with this file's test clock. On the server database, which all test files share,
// they would act on other files' clinics at another time: this check runs on the embedded database, private
// to this file (which jobs start does not depend on the database).
describe('the modules’ background jobs', () => {
  const h = useTestApp('pglite');
  const health = async () => {
    const r = await h.app.inject({ method: 'GET', url: '/healthz' });
    return { status: r.statusCode, body: r.json() };
  };

  it('runs the modules’ jobs through the helper, escalation and the vitals sweep as safety jobs', async () => {
    h.built.start();
    const r = await health();
    expect(r.status).toBe(200);
    const safety = r.body.jobs
      .filter((j: { safety: boolean }) => j.safety)
      .map((j: { name: string }) => j.name);
    expect(safety).toEqual(expect.arrayContaining(['alert-escalation', 'vitals-sweep']));
    const names = r.body.jobs.map((j: { name: string }) => j.name);
    expect(names).toEqual(expect.arrayContaining(['questionnaire-scheduler', 'audit-sealing']));
  });
});

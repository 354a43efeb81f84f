/**
 * A private journal entry never reaches staff, by any route. The route table is enumerated (`collectRoutes`):
 * every authenticated GET under /api is called by every staff role (admin, prescriber, nurse, therapist, front
 * desk) with the patient's id where a path names a patient and the private entry's id in every other path
 * parameter, with a patient filter where a route takes one, and the audit report as JSON and as CSV. No answer
 * (PDFs read back as text) may contain the private entry's words; the shared entry's words do reach the care
 * team, so the check can see what it looks for. The audit report may name a private entry's id (the patient
 * wrote an entry, and when) but never its words. A route added later is covered without anyone listing it.
 */
import type { Role } from '@plasticity/contracts';
import { testBackends } from '@plasticity/db/testing/index';
import { beforeAll, describe, expect, it } from 'vitest';
import { collectRoutes, type RegisteredRoute } from '../../platform/collect-routes.ts';
import { type TestApp, type TestClinic, useTestApp } from '../../test/harness.ts';
import { pdfText } from '../../test/pdf-text.ts';

const STAFF: Role[] = ['admin', 'prescriber', 'nurse', 'therapist', 'front_desk'];
const PRIVATE = 'Marigold-private-7Q3 I have not told anyone about this';
const SHARED = 'Bluebell-shared-4K9 the session helped me see my brother differently';
const UNSHARED = 'Juniper-unshared-2W8 I shared this and then took it back';

/** Query strings some routes need to answer at all (as in the audit-of-reads test), and the audit report. */
const QUERIES: Record<string, string[]> = {
  'GET /api/v1/controlled/reports/administrations': ['from=2000-01-01&to=2100-12-31'],
  'GET /api/v1/appointments': ['from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z'],
  'GET /api/v1/audit': ['', 'format=csv', 'format=csv&category=journal', 'category=journal&limit=500'],
};
const STREAMS = new Set(['GET /api/v1/board/events']);

async function bodyText(h: TestApp, cookie: string, url: string): Promise<{ status: number; text: string }> {
  const res = await h.app.inject({ method: 'GET', url, headers: { cookie } });
  const type = String(res.headers['content-type'] ?? '');
  const text = type.startsWith('application/pdf') ? pdfText(res.rawPayload) : res.body;
  return { status: res.statusCode, text };
}

describe.each(testBackends())('private journal entries on %s', (backend) => {
  const h = useTestApp(backend);
  let c: TestClinic;
  let privateId: string;
  let sharedId: string;
  let unsharedId: string;
  let routes: RegisteredRoute[];

  beforeAll(async () => {
    routes = await collectRoutes(h.built.ctx);
    c = await h.newClinic();
    const patient = await c.login('patient');
    const write = async (text: string, shared: boolean) => {
      const r = await patient.post('/api/v1/portal/journal', { text, shared });
      if (r.status !== 201) throw new Error(`journal: ${r.status} ${r.text}`);
      return r.body.id as string;
    };
    privateId = await write(PRIVATE, false);
    sharedId = await write(SHARED, true);
    unsharedId = await write(UNSHARED, true);
    const back = await patient.patch(`/api/v1/portal/journal/${unsharedId}`, { shared: false });
    if (back.status !== 200) throw new Error(`unshare: ${back.status} ${back.text}`);
  });

  const urlsOf = (r: RegisteredRoute): string[] => {
    const path = r.url.replace(/:([A-Za-z]+)/g, (_, name: string, offset: number) =>
      name === 'id' && /\/patients\/$/.test(r.url.slice(0, offset)) ? c.patientId : privateId,
    );
    const extra = QUERIES[`${r.method} ${r.url}`] ?? [''];
    const queries = r.query.includes('patientId') ? [...extra, `patientId=${c.patientId}`] : extra;
    return [...new Set(queries)].map((q) => (q ? `${path}${path.includes('?') ? '&' : '?'}${q}` : path));
  };

  it('no staff role receives a private or unshared entry from any GET route', async () => {
    const gets = routes.filter(
      (r) =>
        r.method === 'GET' &&
        r.url.startsWith('/api/') &&
        r.policy?.kind === 'authenticated' &&
        !STREAMS.has(`${r.method} ${r.url}`),
    );
    expect(gets.some((r) => r.url === '/api/v1/patients/:id/journal')).toBe(true);
    const leaks: string[] = [];
    let sawShared = 0;
    let answered = 0;
    for (const role of STAFF) {
      const client = await c.login(role);
      for (const r of gets) {
        for (const url of urlsOf(r)) {
          const { status, text } = await bodyText(h, client.cookie ?? '', url);
          if (status === 200) answered += 1;
          if (text.includes('Marigold-private-7Q3')) leaks.push(`${role} ${url}: private entry`);
          if (text.includes('Juniper-unshared-2W8')) leaks.push(`${role} ${url}: unshared entry`);
          // The audit report names the entry's id (that the patient wrote one, when), never its words.
          if (!url.startsWith('/api/v1/audit') && (text.includes(privateId) || text.includes(unsharedId)))
            leaks.push(`${role} ${url}: a private entry's id`);
          if (text.includes('Bluebell-shared-4K9')) sawShared += 1;
        }
      }
    }
    expect(leaks).toEqual([]);
    // The shared entry reached each of the four care-team roles (and the check read real answers).
    expect(sawShared).toBeGreaterThanOrEqual(4);
    expect(answered).toBeGreaterThan(100);
  });

  it('the care team sees the shared entry only; the front desk and other clinics see nothing', async () => {
    for (const role of ['admin', 'prescriber', 'nurse', 'therapist'] as const) {
      const r = await (await c.login(role)).get(`/api/v1/patients/${c.patientId}/journal`);
      expect(r.status, role).toBe(200);
      expect(r.body.items.map((e: { id: string }) => e.id)).toEqual([sharedId]);
      expect(r.body.items[0]).not.toHaveProperty('shared');
    }
    const desk = await (await c.login('front_desk')).get(`/api/v1/patients/${c.patientId}/journal`);
    expect(desk.status).toBe(403);
    const other = await h.newClinic();
    const foreign = await (await other.login('therapist')).get(`/api/v1/patients/${c.patientId}/journal`);
    expect(foreign.status).toBe(404);
  });

  it('the audit log records the entries without their words', async () => {
    const rows = await h.database.db
      .selectFrom('audit_log')
      .select(['resource_type', 'details'])
      .where('clinic_id', '=', c.clinicId)
      .where('resource_type', '=', 'journal_entry')
      .execute();
    expect(rows.length).toBeGreaterThanOrEqual(4);
    const all = JSON.stringify(rows);
    for (const marker of ['Marigold', 'Bluebell', 'Juniper']) expect(all).not.toContain(marker);
  });
});

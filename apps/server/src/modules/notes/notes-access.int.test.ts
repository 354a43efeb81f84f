/**
 * The psychotherapy-note rule, proved over the whole route table (45 CFR 164.501, 164.508(a)(2),
 * 164.524(a)(1)(i); docs/clinical-sources.md#psychotherapy-notes): every GET route the app registers is called
 * by every role — admin, prescriber, nurse, therapist, front desk, patient — with this clinic's patient, its
 * notes and the search words filled in, and the audit report is also read as CSV. A psychotherapy note's text
 * reaches its custodian only, and only through the patient's note list and the single-note read; it is never in
 * a search result, an export, the record print (PDF text), the audit report (JSON or CSV) or anyone else's
 * answer. Progress and integration notes reach the care team, never the front desk or the patient. Each read
 * of a psychotherapy note leaves an audit entry naming it.
 */
import type { Role } from '@plasticity/contracts';
import { testBackends } from '@plasticity/db/testing/index';
import { beforeAll, describe, expect, it } from 'vitest';
import { collectRoutes, type RegisteredRoute } from '../../platform/collect-routes.ts';
import type { Client, TestClinic } from '../../test/harness.ts';
import { useTestApp } from '../../test/harness.ts';
import { pdfText } from '../../test/pdf-text.ts';

const ROLES: Role[] = ['admin', 'prescriber', 'nurse', 'therapist', 'front_desk', 'patient'];
const CARE_TEAM: Role[] = ['admin', 'prescriber', 'nurse', 'therapist'];
const OTHER_ID = '00000000-0000-4000-8000-000000000000';
/** Distinctive words: the search term is in every note, each note's own marker in it alone. */
const WORD = 'zebrafishharbor';
const SECRET = {
  therapist: 'Quillwort-therapist-private',
  prescriber: 'Marramgrass-prescriber-private',
} as const;
const PROGRESS = 'Bracken-progress-visible';
const INTEGRATION = 'Samphire-integration-visible';

/** Streams answer once their headers are out: opened by their own tests, not read here. */
const NOT_READ: Record<string, string> = { 'GET /api/v1/board/events': 'an event stream' };

/** The routes (besides the custodian's own) that may return a psychotherapy note to its custodian. */
const CUSTODIAN_ROUTES = new Set(['GET /api/v1/patients/:id/notes', 'GET /api/v1/notes/:id']);

interface Setup {
  c: TestClinic;
  clients: Map<Role, Client>;
  psychotherapyIds: Record<keyof typeof SECRET, string>;
  progressId: string;
}

describe.each(testBackends())('who reads which notes, over every route, on %s', (backend) => {
  const h = useTestApp(backend);
  const routes: RegisteredRoute[] = [];
  let s: Setup;

  beforeAll(async () => {
    routes.push(...(await collectRoutes(h.built.ctx)));
    const c = await h.newClinic();
    const clients = new Map<Role, Client>();
    for (const role of ROLES) clients.set(role, await c.login(role));
    const as = (role: Role) => clients.get(role) as Client;
    const write = async (role: Role, body: Record<string, unknown>) => {
      const r = await as(role).post(`/api/v1/patients/${c.patientId}/notes`, body);
      if (r.status !== 201) throw new Error(`note by ${role}: ${r.status} ${r.text}`);
      return r.body.id as string;
    };
    const psychotherapyIds = {
      therapist: await write('therapist', { kind: 'psychotherapy', body: `${SECRET.therapist} ${WORD}` }),
      prescriber: await write('prescriber', { kind: 'psychotherapy', body: `${SECRET.prescriber} ${WORD}` }),
    };
    const progressId = await write('nurse', { kind: 'progress', body: `${PROGRESS} ${WORD}` });
    await write('therapist', {
      kind: 'integration',
      body: `${INTEGRATION} ${WORD}`,
      sections: { insights: 'Noticed the pattern', plan: 'Meet in a week' },
    });
    for (const role of ['therapist', 'prescriber'] as const) {
      const r = await as(role).post(`/api/v1/notes/${psychotherapyIds[role]}/addenda`, {
        body: `Addendum ${SECRET[role]}`,
      });
      if (r.status !== 201) throw new Error(`addendum: ${r.status} ${r.text}`);
    }
    s = { c, clients, psychotherapyIds, progressId };
  });

  /** The path with its parameters filled: the clinic's patient, a note, or an id that matches nothing. */
  const fill = (r: RegisteredRoute, noteId: string) =>
    r.url.replace(/:([A-Za-z]+)/g, (_, name: string, offset: number) => {
      const before = r.url.slice(0, offset);
      if (name === 'id' && /\/patients\/$/.test(before)) return s.c.patientId;
      if (name === 'id' && /\/notes\/$/.test(before)) return noteId;
      return OTHER_ID;
    });

  /** Every URL to call for a route: one per note for the single-note read; search words where needed. */
  const urlsOf = (r: RegisteredRoute): string[] => {
    if (r.url === '/api/v1/notes/:id')
      return [...Object.values(s.psychotherapyIds), s.progressId].map((id) => fill(r, id));
    const base = fill(r, OTHER_ID);
    if (r.url === '/api/v1/notes/search') return [`${base}?q=${WORD}`];
    if (r.url === '/api/v1/audit') return [base, `${base}?format=csv&limit=500`];
    if (r.query.includes('patientId')) return [base, `${base}?patientId=${s.c.patientId}`];
    return [base];
  };

  const readable = async (client: Client, url: string) => {
    const res = await client.app.inject({ method: 'GET', url, headers: { cookie: client.cookie ?? '' } });
    const type = String(res.headers['content-type'] ?? '');
    const text = type.startsWith('application/pdf') ? pdfText(res.rawPayload) : res.body;
    return { status: res.statusCode, text };
  };

  it('covers the note routes of section 6 and the record print and export', () => {
    const all = new Set(routes.map((r) => `${r.method} ${r.url}`));
    for (const k of [
      'GET /api/v1/patients/:id/notes',
      'GET /api/v1/notes/:id',
      'GET /api/v1/notes/search',
      'GET /api/v1/patients/:id/record.pdf',
      'GET /api/v1/patients/:id/record-export',
      'GET /api/v1/audit',
    ])
      expect(all.has(k), k).toBe(true);
    // The single read admits every signed-in role: the handler decides, answering 404 to those it refuses.
    const single = routes.find((r) => r.method === 'GET' && r.url === '/api/v1/notes/:id');
    expect(single?.policy).toMatchObject({ kind: 'authenticated', roles: 'any' });
  });

  it('returns a psychotherapy note to its custodian only, and only from the list and the single read', async () => {
    const leaks: string[] = [];
    const seen = new Map<string, Set<string>>();
    const gets = routes.filter(
      (r) => r.method === 'GET' && r.url.startsWith('/api/') && !(`GET ${r.url}` in NOT_READ),
    );
    expect(gets.length).toBeGreaterThan(40);
    for (const role of ROLES) {
      const client = s.clients.get(role) as Client;
      for (const r of gets) {
        for (const url of urlsOf(r)) {
          const { status, text } = await readable(client, url);
          for (const [owner, secret] of Object.entries(SECRET)) {
            if (!text.includes(secret)) continue;
            const allowed = owner === role && CUSTODIAN_ROUTES.has(`GET ${r.url}`);
            if (!allowed) leaks.push(`${role} ${url} (${status}) shows the ${owner}'s psychotherapy note`);
          }
          for (const visible of [PROGRESS, INTEGRATION])
            if (text.includes(visible)) {
              if (!CARE_TEAM.includes(role)) leaks.push(`${role} ${url} shows a record note`);
              const set = seen.get(visible) ?? new Set();
              set.add(`${role} GET ${r.url}`);
              seen.set(visible, set);
            }
        }
      }
    }
    expect(leaks).toEqual([]);
    // The care team does see the record notes where they belong: list, search, export and print.
    const progressSeenBy = seen.get(PROGRESS) ?? new Set();
    for (const role of CARE_TEAM)
      for (const route of [
        'GET /api/v1/patients/:id/notes',
        'GET /api/v1/notes/:id',
        'GET /api/v1/notes/search',
        'GET /api/v1/patients/:id/record-export',
        'GET /api/v1/patients/:id/record.pdf',
      ])
        expect(progressSeenBy.has(`${role} ${route}`), `${role} ${route}`).toBe(true);
  });

  it.each(ROLES)(
    'answers a single psychotherapy note to %s only when they are its custodian, else 404',
    async (role) => {
      const client = s.clients.get(role) as Client;
      for (const owner of ['therapist', 'prescriber'] as const) {
        const r = await client.get(`/api/v1/notes/${s.psychotherapyIds[owner]}`);
        if (owner === role) {
          expect(r.status).toBe(200);
          expect(r.body.body).toContain(SECRET[owner]);
          expect(r.body.addenda[0].body).toContain(SECRET[owner]);
        } else {
          expect(r.status).toBe(404);
          expect(r.text).not.toContain(SECRET[owner]);
        }
      }
      const progress = await client.get(`/api/v1/notes/${s.progressId}`);
      expect(progress.status).toBe(CARE_TEAM.includes(role) ? 200 : 404);
    },
  );

  it.each(ROLES)('lists the patient notes for %s by the rule', async (role) => {
    const r = await (s.clients.get(role) as Client).get(`/api/v1/patients/${s.c.patientId}/notes`);
    if (!CARE_TEAM.includes(role)) {
      expect([403, 404]).toContain(r.status);
      return;
    }
    expect(r.status).toBe(200);
    const kinds = (r.body.items as { kind: string; custodianId: string | null }[]).map((n) => n.kind).sort();
    const own = role === 'therapist' || role === 'prescriber' ? ['psychotherapy'] : [];
    expect(kinds).toEqual(['integration', 'progress', ...own].sort());
    for (const n of r.body.items as { kind: string; custodianId: string | null }[])
      if (n.kind === 'psychotherapy') expect(n.custodianId).toBe(s.c.users[role].id);
  });

  it('leaves an audit entry for each read of a psychotherapy note, single or in a list', async () => {
    const therapist = s.clients.get('therapist') as Client;
    const id = s.psychotherapyIds.therapist;
    const count = async () => {
      const rows = await h.database.db
        .selectFrom('audit_log')
        .select('id')
        .where('clinic_id', '=', s.c.clinicId)
        .where('user_id', '=', s.c.users.therapist.id)
        .where('action', '=', 'read')
        .where('resource_type', '=', 'psychotherapy_note')
        .where('resource_id', '=', id)
        .where('patient_id', '=', s.c.patientId)
        .execute();
      return rows.length;
    };
    const before = await count();
    expect((await therapist.get(`/api/v1/notes/${id}`)).status).toBe(200);
    expect(await count()).toBe(before + 1);
    expect((await therapist.get(`/api/v1/patients/${s.c.patientId}/notes`)).status).toBe(200);
    expect(await count()).toBe(before + 2);
    // The entries carry no text of the note.
    const details = await h.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('clinic_id', '=', s.c.clinicId)
      .execute();
    expect(JSON.stringify(details)).not.toContain(SECRET.therapist);
    // The admin's audit report lists those reads (by the note's id), never the text.
    const csv = await (s.clients.get('admin') as Client).get('/api/v1/audit?format=csv&limit=500');
    expect(csv.status).toBe(200);
    expect(csv.text).toContain(id);
    expect(csv.text).not.toContain(SECRET.therapist);
  });
});

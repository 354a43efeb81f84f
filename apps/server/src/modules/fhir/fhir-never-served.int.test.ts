/**
 * Psychotherapy notes (45 CFR 164.501; docs/clinical-sources.md#psychotherapy-notes) and private journal entries
 * never leave through the FHIR interface: every FHIR route of the route table is called as every role — each
 * search (for the patient where it takes one), then a read of every resource a search returned — and no answer
 * holds a note's or a private entry's words. The routes come from the route table, so a type added later is
 * crawled without anyone listing it here. Every resource read is also checked against the base R4 definitions
 * (test/validate.ts), so every served type is shown to validate, on both databases.
 */
import type { Role } from '@plasticity/contracts';
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { collectRoutes } from '../../platform/collect-routes.ts';
import { useTestApp } from '../../test/harness.ts';
import { signConsents } from '../plans/test-fixtures.ts';
import { recordDosing } from './test/fixtures.ts';
import { fhirIssues } from './test/validate.ts';

const PSYCHOTHERAPY = 'Zanzibar-psychotherapy-words';
const PRIVATE_ENTRY = 'Quetzal-private-journal-words';
const ROLES: Role[] = ['admin', 'prescriber', 'nurse', 'therapist', 'front_desk'];

describe.each(testBackends())('what the FHIR interface never serves, on %s', (backend) => {
  const h = useTestApp(backend);

  it('never answers a psychotherapy note or a private journal entry, to any role, on any route', async () => {
    const c = await h.newClinic();
    await recordDosing(h, c);
    await signConsents(h, c, ['financial']);
    const note = await (await c.login('therapist')).post(`/api/v1/patients/${c.patientId}/notes`, {
      kind: 'psychotherapy',
      body: PSYCHOTHERAPY,
    });
    expect(note.status, note.text).toBe(201);
    const entry = await (await c.login('patient')).post('/api/v1/portal/journal', {
      text: PRIVATE_ENTRY,
      shared: false,
    });
    expect(entry.status, entry.text).toBe(201);

    const fhir = (await collectRoutes(h.built.ctx)).filter(
      (r) => r.method === 'GET' && r.url.startsWith('/fhir/'),
    );
    const searches = fhir.filter((r) => !r.url.includes(':'));
    expect(fhir.filter((r) => r.url.endsWith('/:id')).length).toBeGreaterThanOrEqual(5);
    const answered: string[] = [];
    const served = new Set<string>();
    const validated = new Set<string>();
    for (const role of ROLES) {
      const client = await c.login(role);
      const reads = new Set<string>();
      for (const r of searches) {
        const urls = [r.url, `${r.url}?patient=${c.patientId}&_count=200`];
        for (const url of urls) {
          const res = await client.get(url);
          answered.push(`${role} ${url} ${res.status}`);
          expect(res.text).not.toContain(PSYCHOTHERAPY);
          expect(res.text).not.toContain(PRIVATE_ENTRY);
          for (const e of res.body?.entry ?? []) served.add(e.resource.resourceType);
          for (const e of res.body?.entry ?? [])
            reads.add(`/fhir/R4/${e.resource.resourceType}/${e.resource.id}`);
        }
      }
      for (const url of reads) {
        const res = await client.get(url);
        expect(res.status, url).toBe(200);
        expect(res.text).not.toContain(PSYCHOTHERAPY);
        expect(res.text).not.toContain(PRIVATE_ENTRY);
        if (validated.has(url)) continue;
        expect(fhirIssues(res.body), url).toEqual([]);
        validated.add(url);
      }
    }
    // The crawl read data (not only refusals): every role got some answer with entries, and every type served
    // here had resources to read — the audit log too, whose entries name the note and the journal entry.
    expect(answered.filter((a) => a.endsWith(' 200')).length).toBeGreaterThan(ROLES.length * 2);
    const types = searches
      .map((r) => r.url.replace('/fhir/R4/', ''))
      .filter((t) => /^[A-Z][A-Za-z]+$/.test(t));
    expect([...served].sort()).toEqual(types.sort());
    expect(new Set([...validated].map((u) => u.split('/')[3])).size).toBe(types.length);
    // The audit log names the note it recorded — by kind and id, never its words.
    const log = await (await c.login('admin')).get(`/fhir/R4/AuditEvent?patient=${c.patientId}&_count=200`);
    const names = log.body.entry.flatMap((e: { resource: { entity: { name?: string }[] } }) =>
      e.resource.entity.map((x) => x.name),
    );
    expect(names).toContain('psychotherapy_note');
    expect(log.text).not.toContain(PSYCHOTHERAPY);
  }, 240_000); // every route as five roles, and a read of everything found
});

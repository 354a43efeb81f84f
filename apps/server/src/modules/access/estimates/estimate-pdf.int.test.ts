/**
 * The good-faith estimate PDF holds every element of 45 CFR 149.610(c)(1) as text (read back with pdftotext):
 * patient name and date of birth, primary service and scheduled date, lines grouped by provider with service and
 * diagnosis codes and charges, each provider's name, NPI and TIN and where care is given, the items scheduled
 * separately, and the disclaimers (other services, an estimate only, the $400 dispute right, not a contract).
 */

import { toJson } from '@plasticity/db';
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/harness.ts';
import { flat, pdfText } from '../../../test/pdf-text.ts';
import { COURSE_LINES, estimateBody } from './test/fixtures.ts';

describe.each(testBackends())('good-faith estimate PDF on %s', (backend) => {
  const h = useTestApp(backend);

  it('prints every required element as text', async () => {
    const c = await h.newClinic({ name: 'Cedar Ketamine Clinic' });
    await h.database.db
      .updateTable('clinics')
      .set({
        npi: '1234567893',
        tin: '12-3456789',
        phone: '919-555-0100',
        address: toJson({
          line1: '811 Spring Forest Road',
          city: 'Raleigh',
          state: 'NC',
          postalCode: '27609',
        }),
      })
      .where('id', '=', c.clinicId)
      .execute();
    const desk = await c.login('front_desk');
    await desk.post(`/api/v1/patients/${c.patientId}/coverage`, { status: 'self_pay' });
    const made = await desk.post(
      `/api/v1/patients/${c.patientId}/estimates`,
      estimateBody({
        scheduledOn: '2030-01-08',
        issue: true,
        lines: [
          ...COURSE_LINES,
          {
            serviceCode: '99215',
            description: 'Medical review by the prescriber',
            diagnosisCodes: ['F33.2', 'F41.1'],
            unitChargeCents: 30_000,
            providerUserId: c.users.prescriber.id,
            providerNpi: '1987654325',
            providerTin: '98-7654321',
          },
          {
            serviceCode: '90837',
            description: 'Integration psychotherapy after the course',
            unitChargeCents: 20_000,
            separateScheduling: true,
          },
        ],
      }),
    );
    expect(made.status, made.text).toBe(201);
    expect(made.body.totalCents).toBe(270_000 + 25_000 + 30_000);
    const res = await h.app.inject({
      method: 'GET',
      url: `/api/v1/estimates/${made.body.id}.pdf`,
      headers: { cookie: desk.cookie as string },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = pdfText(res.rawPayload);
    const f = flat(text);
    for (const s of [
      // (i) patient
      'Pat',
      '1985-05-05',
      // (ii) primary service and date
      'Induction course of six IV ketamine infusions',
      '2030-01-08',
      // (iii)–(iv) items by provider with codes and charges
      '96365',
      '99214',
      '99215',
      'F33.2',
      'F41.1',
      '$450.00',
      '$2,700.00',
      '$300.00',
      'Total estimated charges: $3,250.00',
      // (v) providers: name, NPI, TIN, location and state
      'Provider: Cedar Ketamine Clinic',
      'NPI: 1234567893',
      'TIN: 12-3456789',
      'Provider: prescriber',
      'NPI: 1987654325',
      'TIN: 98-7654321',
      '811 Spring Forest Road, Raleigh, NC 27609',
      'state: NC',
      // (vi) separate scheduling
      'Items and services that need separate scheduling',
      '90837',
      // (vii)–(x) disclaimers
      'must be scheduled or requested separately',
      'It is only an estimate',
      'at least $400 more',
      'www.cms.gov/nosurprises',
      'will not affect the quality of the health care services',
      'is not a contract',
    ]) {
      expect(f, s).toContain(flat(s));
    }
    expect(f).not.toContain(flat('$3,450.00')); // the separately scheduled line is not in the total
  });
});

import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness.ts';
import { cleanIntake, intakeWith, protocolIds } from '../plans/test-fixtures.ts';
import { dose, newSession, readyForDosing } from '../sessions/test/fixtures.ts';

type Entry = { id: string; name: string; status: string; reconciledAt: string | null; [k: string]: unknown };

describe.each(testBackends())('medication and allergy lists on %s', (backend) => {
  const h = useTestApp(backend);

  it('intake medicines and allergies land on the chart as patient-reported, not reconciled, and trigger the rules that read them', async () => {
    const c = await h.newClinic();
    const patient = await c.login('patient');
    const prescriber = await c.login('prescriber');
    const body = {
      ...cleanIntake(),
      medications: {
        ...cleanIntake().medications,
        entries: [
          { name: 'Phenelzine', dose: '15 mg', frequency: 'three times a day' },
          { name: 'Vitamin D', dose: '1000 IU' },
        ],
      },
      allergyEntries: [{ name: 'Penicillin', reaction: 'rash' }],
    };
    const r = await patient.post(`/api/v1/patients/${c.patientId}/intake`, body);
    expect(r.status).toBe(201);
    expect(r.body.intake.medications.list).toEqual(['Phenelzine', 'Vitamin D']);
    expect(r.body.intake.allergies).toEqual(['Penicillin']);
    expect(r.body.intake.medications.entries).toBeUndefined();

    const lists = await prescriber.get(`/api/v1/patients/${c.patientId}/medications`);
    expect(lists.status).toBe(200);
    expect(lists.body.medications).toMatchObject([
      {
        name: 'Phenelzine',
        rxcui: '8123',
        dose: '15 mg',
        frequency: 'three times a day',
        classes: ['maoi', 'antidepressant'],
        source: 'patient',
        reportedVia: 'intake',
        status: 'active',
        reconciledAt: null,
      },
      { name: 'Vitamin D', rxcui: null, classes: [], status: 'active', reconciledAt: null },
    ]);
    expect(lists.body.allergies).toMatchObject([{ name: 'Penicillin', reaction: 'rash', source: 'patient' }]);

    // The same intake again adds nothing twice.
    await patient.post(`/api/v1/patients/${c.patientId}/intake`, body);
    expect(
      (await prescriber.get(`/api/v1/patients/${c.patientId}/medications`)).body.medications,
    ).toHaveLength(2);

    const ids = await protocolIds(prescriber);
    const e = await prescriber.post(`/api/v1/patients/${c.patientId}/eligibility`, {
      protocolId: ids.intranasal,
    });
    expect(e.status).toBe(200);
    expect(e.body.eligible).toBe('review');
    expect(e.body.hits).toMatchObject([{ ruleId: 'maoi', severity: 'relative' }]);
    expect(e.body.hits[0].source).toMatch(/SPRAVATO .*§7\.3/);
  });

  it('a medicine staff add on the chart reaches eligibility; stopping it (with a reason) takes it away again', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const prescriber = await c.login('prescriber');
    await nurse.post(`/api/v1/patients/${c.patientId}/intake`, cleanIntake());
    const url = `/api/v1/patients/${c.patientId}/medications`;
    const add = await nurse.post(url, { kind: 'medication', name: 'Lamictal 100 mg', dose: '100 mg' });
    expect(add.status).toBe(201);
    const lam = add.body.medications[0] as Entry;
    expect(lam).toMatchObject({
      rxcui: '28439',
      classes: ['lamotrigine'],
      source: 'staff',
      reportedVia: 'chart',
    });
    const ids = await protocolIds(prescriber);
    const ev = () => prescriber.post(`/api/v1/patients/${c.patientId}/eligibility`, { protocolId: ids.iv });
    expect((await ev()).body.hits.map((x: { ruleId: string }) => x.ruleId)).toEqual(['lamotrigine']);

    expect((await nurse.post(`${url}/${lam.id}/stop`, {})).status).toBe(400);
    const stop = await nurse.post(`${url}/${lam.id}/stop`, { reason: 'Stopped by neurologist in March' });
    expect(stop.status).toBe(200);
    expect(stop.body.medications[0]).toMatchObject({
      status: 'stopped',
      stopReason: 'Stopped by neurologist in March',
      stoppedByName: expect.any(String),
    });
    expect((await nurse.post(`${url}/${lam.id}/stop`, { reason: 'again' })).status).toBe(409);
    expect((await ev()).body).toMatchObject({ eligible: 'yes', hits: [] });

    // Entered in error keeps the row too; an entry in error can no longer be stopped.
    const wrong = (await nurse.post(url, { kind: 'allergy', name: 'Ketamine', reaction: 'hives' })).body
      .allergies[0] as Entry;
    expect((await ev()).body.eligible).toBe('no');
    const eie = await prescriber.post(`${url}/${wrong.id}/entered-in-error`, { reason: 'Wrong patient' });
    expect(eie.body.allergies[0]).toMatchObject({
      status: 'entered_in_error',
      enteredInErrorReason: 'Wrong patient',
    });
    expect((await nurse.post(`${url}/${wrong.id}/stop`, { reason: 'x' })).status).toBe(409);
    expect((await ev()).body.eligible).toBe('yes');
    const rows = await h.database.db
      .selectFrom('medication_list_entries')
      .select('id')
      .where('patient_id', '=', c.patientId)
      .execute();
    expect(rows).toHaveLength(2);
  });

  it('reconciliation records who and when; bad ids change nothing', async () => {
    const c = await h.newClinic();
    const patient = await c.login('patient');
    const nurse = await c.login('nurse');
    const url = `/api/v1/patients/${c.patientId}/medications`;
    const own = await patient.post(url, { kind: 'medication', name: 'Sertraline', dose: '100 mg' });
    expect(own.status).toBe(201);
    expect(own.body.medications[0]).toMatchObject({ source: 'patient', reconciledAt: null });
    const med = own.body.medications[0] as Entry;
    expect((await patient.post(`${url}/reconcile`, { entryIds: [med.id] })).status).toBe(403);

    const other = await h.newClinic();
    const foreign = (
      await (
        await other.login('nurse')
      ).post(`/api/v1/patients/${other.patientId}/medications`, {
        kind: 'medication',
        name: 'Zolpidem',
      })
    ).body.medications[0] as Entry;
    const bad = await nurse.post(`${url}/reconcile`, { entryIds: [med.id, foreign.id] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('body.entryIds');
    expect((await nurse.get(url)).body.medications[0].reconciledAt).toBeNull();

    h.clock.advance(60_000);
    const ok = await nurse.post(`${url}/reconcile`, { entryIds: [med.id] });
    expect(ok.status).toBe(200);
    expect(ok.body.medications[0]).toMatchObject({
      reconciledAt: h.clock.now().toISOString(),
      reconciledByName: expect.any(String),
    });
    const audit = await h.database.db
      .selectFrom('audit_log')
      .select(['action', 'resource_type', 'user_id', 'details'])
      .where('clinic_id', '=', c.clinicId)
      .where('resource_id', '=', med.id)
      .execute();
    expect(audit).toContainEqual({
      action: 'update',
      resource_type: 'medication_entry',
      user_id: c.users.nurse.id,
      details: { reconciled: true },
    });
  });

  it('refuses malformed entries with 400 naming the field, and other clinics get 404', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const url = `/api/v1/patients/${c.patientId}/medications`;
    for (const [body, field] of [
      [{ kind: 'medication' }, 'body.name'],
      [{ kind: 'pill', name: 'x' }, 'body.kind'],
      [{ kind: 'medication', name: 'x', rxcui: 'abc' }, 'body.rxcui'],
      [{ kind: 'medication', name: 'x', rxcui: '99999999' }, 'body.rxcui'],
      [{ kind: 'allergy', name: 'Peanuts', dose: '1 mg' }, 'body.dose'],
      [{ kind: 'medication', name: 'x'.repeat(201) }, 'body.name'],
    ] as const) {
      const r = await nurse.post(url, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    expect((await nurse.get(url)).body).toEqual({ medications: [], allergies: [] });
    const other = await (await h.newClinic()).login('nurse');
    expect((await other.get(url)).status).toBe(404);
    expect((await other.post(url, { kind: 'medication', name: 'x' })).status).toBe(404);
  });

  it('TRD eligibility counts the intake prior trials: fewer than 2 adequate ones is flagged for review', async () => {
    const c = await h.newClinic();
    const patient = await c.login('patient');
    const prescriber = await c.login('prescriber');
    const ids = await protocolIds(prescriber);
    const submit = (priorTrials: unknown[]) =>
      patient.post(
        `/api/v1/patients/${c.patientId}/intake`,
        intakeWith({ indications: { depression: { present: true, priorTrials: priorTrials as never } } }),
      );
    const trd = async () =>
      (await prescriber.post(`/api/v1/patients/${c.patientId}/eligibility`, { protocolId: ids.iv })).body;
    expect(
      (await submit([{ drug: 'Sertraline', durationWeeks: 8, outcome: 'maybe' }])).body.error.details[0]
        .field,
    ).toMatch(/priorTrials/);
    await submit([
      { drug: 'Sertraline', dose: '100 mg', durationWeeks: 8, outcome: 'no_response' },
      { drug: 'Escitalopram', dose: '10 mg', durationWeeks: 4, outcome: 'no_response' },
    ]);
    expect(await trd()).toMatchObject({
      eligible: 'review',
      hits: [{ ruleId: 'trd_fewer_than_2_failed_trials', severity: 'relative' }],
    });
    await submit([
      { drug: 'Sertraline', dose: '100 mg', durationWeeks: 8, outcome: 'no_response' },
      { drug: 'Escitalopram', dose: '20 mg', durationWeeks: 6, outcome: 'partial' },
    ]);
    expect(await trd()).toMatchObject({ eligible: 'yes', hits: [] });
  });

  it('the REMS form answers benzodiazepines yes when the active list has lorazepam', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const prescriber = await c.login('prescriber');
    await nurse.post(`/api/v1/patients/${c.patientId}/medications`, {
      kind: 'medication',
      name: 'Lorazepam',
      dose: '0.5 mg',
      frequency: 'at night',
    });
    const s = await newSession(h, c, nurse);
    await readyForDosing(h, c, nurse, s.id);
    await dose(h, prescriber, nurse, s.id, 56);
    const form = await nurse.get(`/api/v1/sessions/${s.id}/rems-form`);
    expect(form.status).toBe(200);
    expect(form.body.concomitant).toEqual({
      benzodiazepines: true,
      nonBenzodiazepineHypnotics: false,
      psychostimulants: false,
      maois: false,
      opioids: false,
    });
  });
});

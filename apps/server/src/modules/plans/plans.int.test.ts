import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness.ts';
import { cleanIntake, intakeWith, protocolIds, signConsents } from './test-fixtures.ts';

describe.each(testBackends())('treatment plans and protocol library on %s', (backend) => {
  const h = useTestApp(backend);

  it('lists one active default protocol per route with route, drug, version and data', async () => {
    const c = await h.newClinic();
    const r = await (await c.login('nurse')).get('/api/v1/protocols');
    expect(r.status).toBe(200);
    const defaults = r.body.items.filter((p: { isDefault: boolean }) => p.isDefault);
    expect(defaults.map((p: { route: string }) => p.route)).toEqual([
      'iv',
      'im',
      'sublingual',
      'oral',
      'intranasal',
    ]);
    const esk = defaults.find((p: { route: string }) => p.route === 'intranasal');
    expect(esk).toMatchObject({ drug: 'esketamine', version: 1, active: true, status: 'active' });
    expect(esk.protocol.dose).toMatchObject({ kind: 'fixed', allowedMg: [56, 84], absoluteMaxMg: 84 });
    expect(defaults[0].protocol.dose).toMatchObject({
      defaultMgPerKg: 0.5,
      protocolMaxMgPerKg: 0.75,
      absoluteCeilingMgPerKg: 1,
      absoluteMaxMg: 100,
    });
  });

  it('a protocol edit creates a new version; plans and dose results keep the version they used', async () => {
    const c = await h.newClinic();
    const prescriber = await c.login('prescriber');
    const ids = await protocolIds(prescriber);
    await prescriber.post(`/api/v1/patients/${c.patientId}/intake`, cleanIntake());
    const plan = await prescriber.post(`/api/v1/patients/${c.patientId}/plans`, {
      protocolId: ids.iv,
      indications: ['trd'],
    });
    expect(plan.status).toBe(201);
    expect(plan.body).toMatchObject({
      status: 'draft',
      protocolVersion: 1,
      plannedSessions: 6,
      requiredConsents: ['off_label_ketamine', 'financial'],
    });

    const iv = (await prescriber.get('/api/v1/protocols')).body.items.find(
      (p: { id: string }) => p.id === ids.iv,
    );
    const edited = { ...iv.protocol, dose: { ...iv.protocol.dose, protocolMaxMgPerKg: 0.6 } };
    expect(
      (
        await (
          await c.login('nurse')
        ).request('PUT', `/api/v1/protocols/${ids.iv}`, { protocol: edited, changeNote: 'x' })
      ).status,
    ).toBe(403);
    const bad = await prescriber.request('PUT', `/api/v1/protocols/${ids.iv}`, {
      protocol: { ...edited, dose: { ...edited.dose, protocolMaxMgPerKg: 3 } },
      changeNote: 'x',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toMatch(/^body\.protocol\.dose/);
    const saved = await prescriber.request('PUT', `/api/v1/protocols/${ids.iv}`, {
      protocol: edited,
      changeNote: 'medical director: max 0.6 mg/kg',
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: 2, isDefault: true, route: 'iv' });
    expect(
      (
        await prescriber.request('PUT', `/api/v1/protocols/${ids.iv}`, {
          protocol: edited,
          changeNote: 'stale',
        })
      ).status,
    ).toBe(409);

    const now = await prescriber.get('/api/v1/protocols');
    expect(
      now.body.items
        .filter((p: { route: string; isDefault: boolean }) => p.route === 'iv' && p.isDefault)
        .map((p: { id: string }) => p.id),
    ).toEqual([saved.body.id]);
    const history = await prescriber.get('/api/v1/protocols?history=true');
    expect(history.body.items.find((p: { id: string }) => p.id === ids.iv)).toMatchObject({
      version: 1,
      current: false,
      isDefault: false,
    });

    const calc = await prescriber.post('/api/v1/dose/calculate', {
      protocolId: saved.body.id,
      weightKg: 70,
      mgPerKg: 0.7,
      ageYears: 40,
    });
    expect(calc.body).toMatchObject({ blocked: true, protocolVersion: 2 });
    const old = await prescriber.post('/api/v1/dose/calculate', {
      protocolId: ids.iv,
      weightKg: 70,
      mgPerKg: 0.7,
      ageYears: 40,
    });
    expect(old.body).toMatchObject({ blocked: false, protocolVersion: 1 });
    const plans = await prescriber.get(`/api/v1/patients/${c.patientId}/plans`);
    expect(plans.body.items[0]).toMatchObject({ id: plan.body.id, protocolVersion: 1, protocolId: ids.iv });
    // New plans must use the current version.
    expect(
      (
        await prescriber.post(`/api/v1/patients/${c.patientId}/plans`, {
          protocolId: ids.iv,
          indications: ['trd'],
        })
      ).status,
    ).toBe(409);
  });

  it('runs draft → approved → active → completed with approval and consent rules', async () => {
    const c = await h.newClinic();
    const prescriber = await c.login('prescriber');
    const nurse = await c.login('nurse');
    const ids = await protocolIds(prescriber);
    await nurse.post(
      `/api/v1/patients/${c.patientId}/intake`,
      intakeWith({ substanceUse: { activeSubstanceUseDisorder: true } }),
    );
    const plan = await nurse.post(`/api/v1/patients/${c.patientId}/plans`, {
      protocolId: ids.iv,
      indications: ['trd'],
      plannedSessions: 6,
    });
    const t = (who: typeof nurse, body: Record<string, unknown>) =>
      who.post(`/api/v1/patients/${c.patientId}/plans/${plan.body.id}/transition`, body);

    expect((await t(nurse, { to: 'approved' })).status).toBe(403);
    const noEval = await t(prescriber, { to: 'approved' });
    expect(noEval.status).toBe(409);
    expect(noEval.body.error.message).toMatch(/eligibility/);
    const d = await prescriber.post(`/api/v1/patients/${c.patientId}/eligibility`, { protocolId: ids.iv });
    expect(d.body.eligible).toBe('review');
    expect((await t(prescriber, { to: 'approved' })).status).toBe(409);
    await prescriber.post(`/api/v1/patients/${c.patientId}/eligibility/${d.body.id}/sign`, {
      decision: 'approved',
      reason: 'in sustained remission per addiction medicine',
    });
    expect((await t(prescriber, { to: 'active' })).status).toBe(409);
    // A newer intake makes the signed evaluation stale: evaluate again before approval.
    h.clock.advance(1000);
    await nurse.post(
      `/api/v1/patients/${c.patientId}/intake`,
      intakeWith({ substanceUse: { activeSubstanceUseDisorder: true } }),
    );
    const stale = await t(prescriber, { to: 'approved' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toMatch(/intake changed/);
    h.clock.advance(1000);
    const d2 = await prescriber.post(`/api/v1/patients/${c.patientId}/eligibility`, { protocolId: ids.iv });
    await prescriber.post(`/api/v1/patients/${c.patientId}/eligibility/${d2.body.id}/sign`, {
      decision: 'approved',
      reason: 'unchanged',
    });
    const approved = await t(prescriber, { to: 'approved' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'approved',
      approvedBy: c.users.prescriber.id,
      eligibilityDecisionId: d2.body.id,
      missingConsents: ['off_label_ketamine', 'financial'],
    });

    const noConsent = await t(nurse, { to: 'active' });
    expect(noConsent.status).toBe(409);
    expect(noConsent.body.error.message).toMatch(/off_label_ketamine, financial/);
    await signConsents(h, c, ['off_label_ketamine']);
    expect((await t(nurse, { to: 'active' })).status).toBe(409);
    await signConsents(h, c, ['financial']);
    const active = await t(nurse, { to: 'active' });
    expect(active.status).toBe(200);
    expect(active.body).toMatchObject({ status: 'active', missingConsents: [], progressPct: 0 });
    expect((await t(nurse, { to: 'draft' })).status).toBe(400);
    expect((await t(nurse, { to: 'approved' })).status).toBe(409);
    const done = await t(prescriber, { to: 'completed', reason: 'series finished' });
    expect(done.body.status).toBe('completed');
    expect(done.body.history.map((e: { to: string }) => e.to)).toEqual([
      'draft',
      'approved',
      'active',
      'completed',
    ]);
    expect((await t(prescriber, { to: 'stopped', reason: 'x' })).status).toBe(409);

    const patientView = await (await c.login('patient')).get(`/api/v1/patients/${c.patientId}/plans`);
    expect(patientView.status).toBe(200);
    expect(
      (
        await (
          await c.login('therapist')
        ).post(`/api/v1/patients/${c.patientId}/plans`, { protocolId: ids.iv, indications: ['trd'] })
      ).status,
    ).toBe(403);
  });

  it('refuses approval after a declined or unsigned absolute eligibility; stopping needs a reason', async () => {
    const c = await h.newClinic();
    const prescriber = await c.login('prescriber');
    const ids = await protocolIds(prescriber);
    await prescriber.post(
      `/api/v1/patients/${c.patientId}/intake`,
      intakeWith({ medical: { pregnant: true } }),
    );
    const d = await prescriber.post(`/api/v1/patients/${c.patientId}/eligibility`, {});
    expect(d.body.eligible).toBe('no');
    const plan = await prescriber.post(`/api/v1/patients/${c.patientId}/plans`, {
      protocolId: ids.intranasal,
      indications: ['trd'],
      plannedSessions: 8,
    });
    expect(plan.status).toBe(201);
    const url = `/api/v1/patients/${c.patientId}/plans/${plan.body.id}/transition`;
    expect((await prescriber.post(url, { to: 'approved' })).body.error.message).toMatch(/absolute/);
    await prescriber.post(`/api/v1/patients/${c.patientId}/eligibility/${d.body.id}/sign`, {
      decision: 'declined',
    });
    expect((await prescriber.post(url, { to: 'approved' })).status).toBe(409);
    const noReason = await prescriber.post(url, { to: 'stopped' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details[0].field).toBe('body.reason');
    expect(
      (await prescriber.post(url, { to: 'stopped', reason: 'not eligible: pregnancy' })).body,
    ).toMatchObject({ status: 'stopped', statusReason: 'not eligible: pregnancy' });
    expect(
      (
        await prescriber.post(`/api/v1/patients/${c.patientId}/plans`, {
          protocolId: ids.intranasal,
          indications: ['trd'],
        })
      ).status,
    ).toBe(400);
  });
});

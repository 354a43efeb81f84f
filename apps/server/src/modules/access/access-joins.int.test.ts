/**
 * Where the access parts meet: a charge takes the sliding-scale discount in force on its date (none before the
 * assessment, the tier's percent after it), and an issued good-faith estimate is flagged once a provider's billed
 * charges for its period reach $400 above that provider's expected charges (45 CFR 149.620(a)(2)(ii)): a charge
 * counts for its rendering clinician when the estimate lists that clinician, otherwise for the clinic; voided
 * charges and discounts do not count.
 */
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import type { Client, TestApp, TestClinic } from '../../test/harness.ts';
import { useTestApp } from '../../test/harness.ts';
import { estimateBody } from './estimates/test/fixtures.ts';

const today = (h: TestApp) => h.clock.now().toISOString().slice(0, 10);

async function charge(
  h: TestApp,
  c: TestClinic,
  desk: Client,
  amountCents: number,
  renderingUserId = c.users.therapist.id,
) {
  const r = await desk.post(`/api/v1/patients/${c.patientId}/charges`, {
    serviceDate: today(h),
    serviceKey: 'therapy_session',
    code: '90834',
    icd10Codes: ['F33.1'],
    amountCents,
    renderingUserId,
  });
  expect(r.status, r.text).toBe(201);
  return r.body;
}

describe.each(testBackends())('sliding scale, billing and estimates together on %s', (backend) => {
  const h = useTestApp(backend);

  it('discounts charges from the day the assessment is approved', async () => {
    const c = await h.newClinic();
    const desk = await c.login('front_desk');
    const before = await charge(h, c, desk, 20_000);
    expect(before).toMatchObject({ discountPercent: 0, discountCents: 0 });

    // Household of 2 with $30,000 in 2026: 138.6 % of the guideline ($21,640), the ≤ 150 % tier, 50 % off.
    const assessed = await desk.post(`/api/v1/patients/${c.patientId}/sliding-scale`, {
      householdSize: 2,
      annualIncomeCents: 3_000_000,
      state: 'NC',
      year: 2026,
      evidence: '2025 tax return',
      approve: true,
    });
    expect(assessed.status, assessed.text).toBe(201);
    h.clock.advance(60_000);
    const after = await charge(h, c, desk, 20_000);
    expect(after).toMatchObject({ discountPercent: 50, discountCents: 10_000 });
  });

  it('flags an issued estimate once billed charges reach $400 above it', async () => {
    const c = await h.newClinic();
    const desk = await c.login('front_desk');
    const made = await issueForToday(h, c, desk, [
      {
        serviceCode: '90834',
        description: 'Psychotherapy',
        diagnosisCodes: ['F33.1'],
        quantity: 1,
        unitChargeCents: 10_000,
      },
    ]);
    const flagOf = () => estimateOf(desk, c, made.body.id);
    const big = await charge(h, c, desk, 60_000);
    // The therapist is not a provider on the estimate: the charge counts for the clinic.
    expect(await flagOf()).toMatchObject({
      billedCents: 60_000,
      exceedsByDisputeThreshold: true,
      byProvider: [
        {
          providerUserId: null,
          expectedCents: 10_000,
          billedCents: 60_000,
          overByCents: 50_000,
          exceedsByDisputeThreshold: true,
        },
      ],
    });
    const voided = await desk.post(`/api/v1/patients/${c.patientId}/charges/${big.id}/void`, {
      reason: 'Wrong patient',
    });
    expect(voided.status, voided.text).toBe(200);
    await charge(h, c, desk, 49_999);
    expect(await flagOf()).toMatchObject({ billedCents: 49_999, exceedsByDisputeThreshold: false });
    await charge(h, c, desk, 1);
    expect(await flagOf()).toMatchObject({ billedCents: 50_000, exceedsByDisputeThreshold: true });
  });

  it('compares each provider with its own expected charges', async () => {
    const c = await h.newClinic();
    const desk = await c.login('front_desk');
    const therapist = c.users.therapist.id;
    const prescriber = c.users.prescriber.id;
    const made = await issueForToday(h, c, desk, [
      { serviceCode: '96365', description: 'IV infusion', quantity: 1, unitChargeCents: 100_000 },
      {
        serviceCode: '90834',
        description: 'Psychotherapy',
        quantity: 1,
        unitChargeCents: 10_000,
        providerUserId: therapist,
      },
    ]);
    const flagOf = () => estimateOf(desk, c, made.body.id);

    // $799.98 over in total, but each provider only $399.99 over its own: not eligible for dispute. The
    // prescriber is not on the estimate, so the prescriber's charge counts for the clinic.
    const clinicCharge = await charge(h, c, desk, 139_999, prescriber);
    await charge(h, c, desk, 49_999, therapist);
    expect(await flagOf()).toMatchObject({
      totalCents: 110_000,
      billedCents: 189_998,
      exceedsByDisputeThreshold: false,
      byProvider: [
        { providerUserId: null, expectedCents: 100_000, billedCents: 139_999, overByCents: 39_999 },
        { providerUserId: therapist, expectedCents: 10_000, billedCents: 49_999, overByCents: 39_999 },
      ],
    });

    // The clinic under its estimate, the therapist exactly $400 over: flagged, naming the therapist.
    const voided = await desk.post(`/api/v1/patients/${c.patientId}/charges/${clinicCharge.id}/void`, {
      reason: 'Entered twice',
    });
    expect(voided.status, voided.text).toBe(200);
    await charge(h, c, desk, 50_000, prescriber);
    await charge(h, c, desk, 1, therapist);
    expect(await flagOf()).toMatchObject({
      billedCents: 100_000,
      exceedsByDisputeThreshold: true,
      byProvider: [
        { providerUserId: null, billedCents: 50_000, overByCents: -50_000, exceedsByDisputeThreshold: false },
        {
          providerUserId: therapist,
          billedCents: 50_000,
          overByCents: 40_000,
          exceedsByDisputeThreshold: true,
        },
      ],
    });
  });
});

async function estimateOf(desk: Client, c: TestClinic, id: string) {
  const r = await desk.get(`/api/v1/patients/${c.patientId}/estimates`);
  expect(r.status, r.text).toBe(200);
  return (r.body.items as { id: string }[]).find((x) => x.id === id);
}

/** Issues an estimate for today's dates of service with these lines. */
async function issueForToday(h: TestApp, c: TestClinic, desk: Client, lines: Record<string, unknown>[]) {
  const made = await desk.post(
    `/api/v1/patients/${c.patientId}/estimates`,
    estimateBody({ trigger: 'requested', periodFrom: today(h), periodTo: today(h), lines, issue: true }),
  );
  expect(made.status, made.text).toBe(201);
  return made;
}

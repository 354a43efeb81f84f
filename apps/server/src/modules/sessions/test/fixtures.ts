/** Helpers shared by the sessions integration tests. */
import type { Client, TestApp, TestClinic } from '../../../test/harness.ts';

export const ESK = 'default-intranasal-esketamine-trd';
export const IV = 'default-iv-ketamine-trd';

export const at = (h: TestApp, offsetMs = 0) => new Date(h.clock.now().getTime() + offsetMs).toISOString();

/** The clinic's SPRAVATO REMS setting certification used by the tests. */
export const REMS_CERT = { certificationId: 'HCS-0042-TEST', certifiedOn: '2024-01-15' };
/** A patient's SPRAVATO REMS enrolment as the checklist records it. */
export const REMS_ENROLMENT = { remsEnrolmentId: 'PT-778899', remsEnrolledOn: '2024-06-03' };

/** An admin records the clinic's REMS setting certification in clinic settings. */
export async function certifyRemsSetting(c: TestClinic) {
  const admin = await c.login('admin');
  const r = await admin.request('PATCH', '/api/v1/clinic/settings', { remsSettingCertification: REMS_CERT });
  if (r.status !== 200) throw new Error(`REMS setting certification: ${r.status} ${r.text}`);
}

export async function newSession(h: TestApp, c: TestClinic, client: Client, protocolId = ESK, chair = '1') {
  const r = await client.post('/api/v1/sessions', {
    patientId: c.patientId,
    protocolId,
    scheduledAt: at(h),
    chair,
  });
  if (r.status !== 201) throw new Error(`create session: ${r.status} ${r.text}`);
  return r.body as { id: string; status: string; checklist: Array<{ key: string; passed: boolean }> };
}

/** The patient's measured weight (kg) the dose check reads, recorded now. */
export const WEIGHT_KG = 70;

/**
 * Check in, attest every item staff can attest (REMS enrolment with the patient's identifier, the clinic's
 * setting certification recorded first), record normal baseline vitals and the patient's weight (70 kg),
 * move to pre_assessment.
 */
export async function readyForDosing(h: TestApp, c: TestClinic, nurse: Client, id: string) {
  await certifyRemsSetting(c);
  const w = await nurse.post(`/api/v1/patients/${c.patientId}/weights`, {
    weightKg: WEIGHT_KG,
    measuredAt: at(h),
  });
  if (w.status !== 201) throw new Error(`weight: ${w.status} ${w.text}`);
  await nurse.post(`/api/v1/sessions/${id}/transition`, { to: 'checked_in' });
  await nurse.post(`/api/v1/sessions/${id}/transition`, { to: 'pre_assessment' });
  await nurse.request('PUT', `/api/v1/sessions/${id}/checklist/fasting`, { status: 'done' });
  await nurse.request('PUT', `/api/v1/sessions/${id}/checklist/escort`, {
    status: 'done',
    escortName: 'Sam Escort',
    escortPhone: '919-555-0101',
  });
  await nurse.request('PUT', `/api/v1/sessions/${id}/checklist/pregnancy_test`, { status: 'not_applicable' });
  await nurse.request('PUT', `/api/v1/sessions/${id}/checklist/rems_enrolled`, {
    status: 'done',
    ...REMS_ENROLMENT,
  });
  await nurse.request('PUT', `/api/v1/sessions/${id}/checklist/prescriber_on_site`, {
    status: 'done',
    prescriberOnSiteId: c.users.prescriber.id,
  });
  const v = await nurse.post(`/api/v1/sessions/${id}/vitals`, {
    idempotencyKey: `baseline-${id}`,
    readings: [{ at: at(h, -60_000), sbp: 125, dbp: 80, hr: 70, spo2: 98, rr: 14 }],
  });
  if (v.status !== 201) throw new Error(`baseline vitals: ${v.status} ${v.text}`);
}

/**
 * From pre_assessment to monitoring: a prescriber overrides the data-derived items, the nurse records the dose
 * (on paper, not from the register: with its reason).
 */
export async function dose(h: TestApp, prescriber: Client, nurse: Client, id: string, doseMg = 56) {
  const d = await prescriber.post(`/api/v1/sessions/${id}/transition`, {
    to: 'dosing',
    overrideReason: 'records held on paper for this test',
  });
  if (d.status !== 200) throw new Error(`dosing: ${d.status} ${d.text}`);
  const a = await nurse.post(`/api/v1/sessions/${id}/administrations`, {
    doseMg,
    startedAt: at(h),
    lot: 'LOT-1',
    expiry: '2027-01-31',
    notFromRegisterReason: 'Recorded from the paper chart for this test',
  });
  if (a.status !== 201) throw new Error(`administration: ${a.status} ${a.text}`);
  const m = await nurse.post(`/api/v1/sessions/${id}/transition`, { to: 'monitoring' });
  if (m.status !== 200) throw new Error(`monitoring: ${m.status} ${m.text}`);
}

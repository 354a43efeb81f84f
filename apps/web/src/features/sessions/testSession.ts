/** A session record for the session-page tests (shape of GET /api/v1/sessions/{id}). */
import { defaultIvKetamineProtocol, defaultObservationSchedule } from '@plasticity/clinical/protocols';
import type { SessionRecord } from './api.ts';

export const SID = '00000000-0000-4000-8000-000000000701';
const MIN = 60_000;

/** In monitoring, dosed `doseMinAgo` minutes before the real clock; overrides win. */
export function makeSession(doseMinAgo = 25, overrides: Partial<SessionRecord> = {}): SessionRecord {
  const doseAt = new Date(Date.now() - doseMinAgo * MIN).toISOString();
  return {
    id: SID,
    patientId: '00000000-0000-4000-8000-000000000500',
    clinic: { name: 'Fresh Start Ketamine', phone: '919-555-0100', timeZone: 'America/New_York' },
    patient: {
      id: '00000000-0000-4000-8000-000000000500',
      mrn: 'MRN-1',
      firstName: 'Ada',
      lastName: 'Lovelace',
      dateOfBirth: '1980-01-01',
      sex: 'female',
    },
    protocol: {
      id: 'default-iv-ketamine-trd',
      version: 1,
      name: 'IV ketamine',
      drug: 'ketamine',
      route: 'iv',
      cadenceMin: 15,
      alerts: { moaasAtMost: 2, source: 'test thresholds' },
      observationSchedule: defaultObservationSchedule(),
      discharge: defaultIvKetamineProtocol().discharge,
    },
    planId: null,
    chair: '3',
    scheduledAt: doseAt,
    status: 'monitoring',
    statusReason: null,
    escort: null,
    prescriberOnSiteId: null,
    doseStartedAt: doseAt,
    dischargedAt: null,
    lockedAt: null,
    dischargeAssessment: {},
    transitions: [],
    checklist: [],
    checklistApplies: false,
    administrations: [],
    vitals: [],
    observations: [],
    observationsDue: { doseStarted: true, items: [], due: [], anyDue: false, anyOverdue: false, next: null },
    notes: [],
    alerts: [],
    discharge: { ready: false, failing: [] },
    rems: null,
    doseOrder: null,
    ...overrides,
  };
}

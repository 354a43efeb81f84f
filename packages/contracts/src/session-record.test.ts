/**
 * The session record contract accepts what the server returns for a session that has not happened yet
 * (times the server may not have are null) and refuses what it never returns (an unknown phase, a missing
 * part), so the web app and the server's serializer fail loudly on a shape that drifted.
 */
import { defaultIvKetamineProtocol } from '@plasticity/clinical/protocols';
import { describe, expect, it } from 'vitest';
import { ObservationResult, SessionNote, SessionRecord } from './session-record.ts';

const ID = '00000000-0000-4000-8000-000000000001';
const iv = defaultIvKetamineProtocol();

function record(overrides: Record<string, unknown> = {}) {
  return {
    id: ID,
    patientId: ID,
    clinic: { name: 'Clinic', phone: null, timeZone: 'America/New_York' },
    patient: {
      id: ID,
      mrn: 'MRN-1',
      firstName: 'Ada',
      lastName: 'L',
      dateOfBirth: '1980-01-01',
      sex: 'female',
    },
    protocol: {
      id: 'p',
      version: 1,
      name: 'IV ketamine',
      drug: 'ketamine',
      route: 'iv',
      cadenceMin: 15,
      alerts: iv.vitals.alerts,
      observationSchedule: {
        moaasEveryMin: 15,
        cadss6AtMin: [40],
        cadss6AtEndOfMonitoring: true,
        graceMin: 5,
        source: 's',
      },
      discharge: iv.discharge,
    },
    planId: null,
    chair: '3',
    scheduledAt: null,
    status: 'scheduled',
    statusReason: null,
    escort: null,
    prescriberOnSiteId: null,
    doseStartedAt: null,
    dischargedAt: null,
    lockedAt: null,
    dischargeAssessment: {},
    transitions: [],
    checklist: [],
    checklistApplies: true,
    administrations: [],
    doseOrder: null,
    vitals: [],
    observations: [{ id: ID, kind: 'moaas', at: null, data: { score: 5 }, recordedBy: null }],
    observationsDue: null,
    notes: [{ id: ID, authorId: ID, authorRole: 'nurse', text: 'n', addendum: false, signedAt: null }],
    alerts: [],
    discharge: { ready: false, failing: [{ key: 'moaas', message: 'no MOAA/S recorded' }] },
    rems: null,
    ...overrides,
  };
}

describe('SessionRecord', () => {
  it('accepts null times where the server may have none', () => {
    const r = SessionRecord.safeParse(record());
    expect(r.success).toBe(true);
    expect(r.data?.observations[0]?.at).toBeNull();
    expect(r.data?.notes[0]?.signedAt).toBeNull();
    expect(r.data?.scheduledAt).toBeNull();
  });

  it('refuses an unknown phase and a missing part', () => {
    expect(SessionRecord.safeParse(record({ status: 'waiting' })).success).toBe(false);
    expect(SessionRecord.safeParse(record({ discharge: undefined })).success).toBe(false);
    expect(
      SessionRecord.safeParse(record({ protocol: { ...record().protocol, alerts: 'high' } })).success,
    ).toBe(false);
  });

  it('keeps the stored protocol snapshot as stored', () => {
    const r = SessionRecord.parse(record());
    expect(r.protocol.discharge).toEqual(iv.discharge);
  });
});

describe('session answers', () => {
  it('a note may lack its signing time; an observation result carries its alerts', () => {
    expect(
      SessionNote.safeParse({
        id: ID,
        authorId: ID,
        authorRole: 'nurse',
        text: 't',
        addendum: true,
        signedAt: null,
      }).success,
    ).toBe(true);
    expect(ObservationResult.safeParse({ id: ID, kind: 'moaas', at: 'x', data: {} }).success).toBe(false);
  });
});

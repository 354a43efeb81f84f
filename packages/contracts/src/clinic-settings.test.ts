/** Stored clinic settings: defaults for missing or mistyped values, unknown keys kept through a merge. */
import { DOSING_DEFAULTS } from '@plasticity/clinical/dosing';
import { JOURNAL_PHASE_DEFAULTS } from '@plasticity/clinical/integration/journal-phase';
import { describe, expect, it } from 'vitest';
import { mergeClinicSettings, parseClinicSettings } from './clinic-settings.ts';

describe('parseClinicSettings', () => {
  it('fills every default into an empty or non-object value', () => {
    for (const raw of [{}, null, 'x', [1], 42]) {
      const s = parseClinicSettings(raw);
      expect(s.idleTimeoutMin).toBe(15);
      expect(s.absoluteLifetimeHours).toBe(12);
      expect(s.mfaRequiredRoles).toEqual(['admin', 'prescriber']);
      expect(s.clinicDeviceSelfReport).toBe(false);
      expect(s.clinicDeviceConsent).toBe(false);
      expect(s.remsSettingCertification).toBeNull();
      expect(s.alertEscalationMinutes).toBe(15);
      expect(s.sessions).toEqual({ alertEscalationMin: 3, remsFormDueDays: 7, boardClosedVisibleMin: 30 });
      expect(s.controlled).toEqual({ beyondUseDays: 28, expiryAlertDays: 60 });
      expect(s.measurement).toEqual({ instrumentSettings: {}, customInstruments: [] });
    }
  });

  it('keeps the journal phase windows equal to the phase rule’s defaults', () => {
    expect(parseClinicSettings({}).journal).toEqual(JOURNAL_PHASE_DEFAULTS);
    expect(parseClinicSettings({ journal: { beforeSessionHours: 24, weekAfterDays: 'x' } }).journal).toEqual({
      ...JOURNAL_PHASE_DEFAULTS,
      beforeSessionHours: 24,
    });
  });

  it('keeps the plans default equal to the dose calculator default', () => {
    expect(parseClinicSettings({}).plans.maxWeightAgeDays).toBe(DOSING_DEFAULTS.maxWeightAgeDays.value);
  });

  it('replaces a value of the wrong type by its default and keeps the valid ones beside it', () => {
    const s = parseClinicSettings({
      idleTimeoutMin: 'ten',
      absoluteLifetimeHours: 8,
      mfaRequiredRoles: ['admin', 'wizard'],
      clinicDeviceConsent: 'yes',
      remsSettingCertification: { certificationId: 'SET-1', certifiedOn: 'yesterday' },
      sessions: { alertEscalationMin: -1, remsFormDueDays: 5 },
      plans: 'thirty',
      controlled: { beyondUseDays: null, expiryAlertDays: 'soon' },
    });
    expect(s.idleTimeoutMin).toBe(15);
    expect(s.absoluteLifetimeHours).toBe(8);
    expect(s.mfaRequiredRoles).toEqual(['admin', 'prescriber']);
    expect(s.clinicDeviceConsent).toBe(false);
    expect(s.remsSettingCertification).toBeNull();
    expect(s.sessions.alertEscalationMin).toBe(3);
    expect(s.sessions.remsFormDueDays).toBe(5);
    expect(s.plans.maxWeightAgeDays).toBe(30);
    expect(s.controlled).toEqual({ beyondUseDays: null, expiryAlertDays: 60 });
  });

  it('keeps keys it does not know', () => {
    const s = parseClinicSettings({ futureModule: { x: 1 }, sessions: { laterSetting: true } });
    expect(s).toMatchObject({ futureModule: { x: 1 }, sessions: { laterSetting: true } });
  });
});

describe('mergeClinicSettings', () => {
  it('replaces top-level values, merges sections key by key and never drops a stored key', () => {
    const stored = {
      idleTimeoutMin: 20,
      futureModule: { x: 1 },
      sessions: { remsFormDueDays: 5, laterSetting: true },
      measurement: { customInstruments: [{ id: 'mine' }] },
    };
    const next = mergeClinicSettings(stored, {
      idleTimeoutMin: 30,
      sessions: { alertEscalationMin: 4 },
      measurement: { instrumentSettings: { pcl5: { cutoff: 31 } } },
    });
    expect(next).toEqual({
      idleTimeoutMin: 30,
      futureModule: { x: 1 },
      sessions: { remsFormDueDays: 5, laterSetting: true, alertEscalationMin: 4 },
      measurement: { customInstruments: [{ id: 'mine' }], instrumentSettings: { pcl5: { cutoff: 31 } } },
    });
  });

  it('does not write defaults the patch did not name', () => {
    expect(mergeClinicSettings({}, { clinicDeviceConsent: true })).toEqual({ clinicDeviceConsent: true });
  });

  it('starts from an empty object when the stored value is not one', () => {
    expect(mergeClinicSettings('junk', { plans: { maxWeightAgeDays: 14 } })).toEqual({
      plans: { maxWeightAgeDays: 14 },
    });
  });
});

/**
 * Clinic-configurable settings of the dosing-session module (clinic `settings.sessions`), each with a
 * cited or explicitly UNVERIFIED default. Clinical thresholds themselves live in the protocol data.
 */
import type { DB } from '@plasticity/db';
import type { Kysely } from 'kysely';

export interface SessionSettings {
  /**
   * Minutes an in-chair vital-sign alert may stay unacknowledged before it escalates to the prescriber.
   * Default 3 min: Plasticity default, UNVERIFIED (no guideline sets it; a nurse watching several chairs
   * should answer within minutes; the monitoring defaults of docs/clinical-sources.md#in-chair-monitoring
   * are clinic-configurable).
   */
  alertEscalationMin: number;
  /**
   * Days after the session within which the SPRAVATO REMS Patient Monitoring Form is due
   * (docs/clinical-sources.md#spravato-rems-requirements: 7).
   */
  remsFormDueDays: number;
  /**
   * Minutes a discharged, cancelled or aborted session stays on the live board after it closed, so the
   * nurse sees the chair was freed, before it leaves to make room. Default 30 min: Plasticity product
   * default (no guideline sets it).
   */
  boardClosedVisibleMin: number;
}

export const SESSION_SETTING_DEFAULTS: SessionSettings = {
  alertEscalationMin: 3,
  remsFormDueDays: 7,
  boardClosedVisibleMin: 30,
};

export function resolveSessionSettings(raw: unknown): SessionSettings {
  const s = ((raw && typeof raw === 'object' ? (raw as Record<string, unknown>).sessions : undefined) ??
    {}) as Record<string, unknown>;
  const pos = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : d);
  return {
    alertEscalationMin: pos(s.alertEscalationMin, SESSION_SETTING_DEFAULTS.alertEscalationMin),
    remsFormDueDays: pos(s.remsFormDueDays, SESSION_SETTING_DEFAULTS.remsFormDueDays),
    boardClosedVisibleMin: pos(s.boardClosedVisibleMin, SESSION_SETTING_DEFAULTS.boardClosedVisibleMin),
  };
}

export async function sessionSettings(db: Kysely<DB>, clinicId: string): Promise<SessionSettings> {
  const row = await db.selectFrom('clinics').select('settings').where('id', '=', clinicId).executeTakeFirst();
  return resolveSessionSettings(row?.settings);
}

/**
 * The monitoring sweep, run on a timer by every server process:
 * - overdue vitals: an in-chair session whose newest reading is older than the protocol's cadence
 *   (`vitalsOverdue`, docs/clinical-sources.md#in-chair-monitoring: every 10–15 min) gets a
 *   `vitals_overdue` alert (one open at a time);
 * - escalation: a vital-sign alert not acknowledged within the clinic's `sessions.alertEscalationMin`
 *   (settings.ts) is escalated to the prescriber on site (else every prescriber of the clinic).
 * Both are single conditional statements per alert, so concurrent processes do each thing once.
 */
import { vitalsOverdue } from '@plasticity/clinical/monitoring';
import { sql } from 'kysely';
import type { ModuleContext } from '../../../platform/module.ts';
import { raiseAlert, toAlert } from '../../alerts/alert-store.ts';
import type { AuditActor } from '../../audit/audit-writer.ts';
import { alertEvent, emitBoardEvent } from '../board/hub.ts';
import { IN_CHAIR_STATUSES, protocolOf } from '../shared/load.ts';
import { resolveSessionSettings } from '../shared/settings.ts';
import { SOURCE_TYPE } from './raise-alerts.ts';

export const SWEEP_INTERVAL_MS = 15_000;

const system = (clinicId: string): AuditActor => ({
  clinicId,
  userId: null,
  email: null,
  role: 'system',
  sourceAddress: null,
});

export async function raiseOverdueAlerts(ctx: ModuleContext): Promise<number> {
  const now = ctx.clock.now();
  const sessions = await ctx.db
    .selectFrom('dosing_sessions as s')
    .selectAll('s')
    .select((eb) =>
      eb
        .selectFrom('session_vitals as v')
        .select((e) => e.fn.max('v.at').as('m'))
        .whereRef('v.session_id', '=', 's.id')
        .where('v.entered_in_error_at', 'is', null)
        .as('last_at'),
    )
    .where('s.status', 'in', [...IN_CHAIR_STATUSES])
    .execute();
  let raised = 0;
  for (const s of sessions) {
    const cadence = protocolOf(s).vitals.cadenceMin;
    const last = (s.last_at as Date | null) ?? s.dose_started_at ?? s.updated_at;
    if (!vitalsOverdue(cadence, last, now)) continue;
    const did = await ctx.db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(hashtext(${`session-alerts:${s.id}`}))`.execute(trx);
      const open = await trx
        .selectFrom('alerts')
        .select('id')
        .where('clinic_id', '=', s.clinic_id)
        .where('source_type', '=', SOURCE_TYPE)
        .where('source_id', '=', s.id)
        .where('parameter', '=', 'vitals_overdue')
        .where('status', '=', 'open')
        .executeTakeFirst();
      if (open) return false;
      const minutes = Math.floor((now.getTime() - new Date(last).getTime()) / 60_000);
      const alert = await raiseAlert(trx, ctx, system(s.clinic_id), {
        clinicId: s.clinic_id,
        patientId: s.patient_id,
        kind: 'vital_sign',
        severity: 'high',
        title: `Vitals overdue: none for ${minutes} min, cadence ${cadence} min (chair ${s.chair})`,
        sourceType: SOURCE_TYPE,
        sourceId: s.id,
        parameter: 'vitals_overdue',
        value: String(minutes),
      });
      await emitBoardEvent(trx, now, s.clinic_id, alertEvent(s.id, s.chair, alert));
      return true;
    });
    if (did) raised++;
  }
  return raised;
}

export async function escalateSessionAlerts(ctx: ModuleContext): Promise<number> {
  const now = ctx.clock.now();
  const candidates = await ctx.db
    .selectFrom('alerts as a')
    .innerJoin('dosing_sessions as s', (j) =>
      j.onRef('s.clinic_id', '=', 'a.clinic_id').on(sql`s.id::text`, '=', sql.ref('a.source_id')),
    )
    .innerJoin('clinics as c', 'c.id', 'a.clinic_id')
    .select([
      'a.id',
      'a.clinic_id',
      'a.patient_id',
      'a.created_at',
      'a.parameter',
      'a.value',
      's.id as session_id',
      's.chair',
      's.prescriber_on_site_id',
      'c.settings',
    ])
    .where('a.source_type', '=', SOURCE_TYPE)
    .where('a.status', '=', 'open')
    .where('a.escalated_at', 'is', null)
    .execute();
  let n = 0;
  for (const c of candidates) {
    const { alertEscalationMin } = resolveSessionSettings(c.settings);
    if (now.getTime() - new Date(c.created_at).getTime() < alertEscalationMin * 60_000) continue;
    await ctx.db.transaction().execute(async (trx) => {
      const to = c.prescriber_on_site_id
        ? [c.prescriber_on_site_id]
        : (
            await trx
              .selectFrom('memberships')
              .select('user_id')
              .where('clinic_id', '=', c.clinic_id)
              .where('role', '=', 'prescriber')
              .where('active', '=', true)
              .execute()
          ).map((m) => m.user_id);
      const row = await trx
        .updateTable('alerts')
        .set({
          escalated_at: now,
          updated_at: now,
          assigned_to:
            sql`(select coalesce(jsonb_agg(distinct u), '[]'::jsonb) from (select jsonb_array_elements_text(assigned_to) u union select unnest(${to}::text[])) x)` as never,
        })
        .where('id', '=', c.id)
        .where('status', '=', 'open')
        .where('escalated_at', 'is', null)
        .returningAll()
        .executeTakeFirst();
      if (!row) return;
      n++;
      await ctx.audit.record(trx, system(c.clinic_id), {
        action: 'update',
        resourceType: 'alert',
        resourceId: row.id,
        patientId: row.patient_id,
        category: 'alert',
        details: { escalated: true, to: to.length },
      });
      const alert = toAlert(row);
      await emitBoardEvent(trx, now, c.clinic_id, alertEvent(c.session_id, c.chair, alert));
    });
  }
  return n;
}

export async function runMonitoringSweep(ctx: ModuleContext) {
  const overdue = await raiseOverdueAlerts(ctx);
  const escalated = await escalateSessionAlerts(ctx);
  return { overdue, escalated };
}

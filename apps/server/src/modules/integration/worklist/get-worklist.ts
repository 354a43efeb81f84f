/**
 * GET /api/v1/integration/worklist — the integration visits the care team owes: one item per dosing session
 * discharged in the last `WORKLIST_LOOKBACK_DAYS` days whose integration visit is not done, with its window
 * (`dueFrom`, `dueBy`: the session's protocol window after discharge, 24–72 h by default) and status ('due',
 * 'overdue', 'booked'), by the pure rule `worklistEntry` (docs/clinical-sources.md#integration-window).
 * An integration appointment counts for a session from its discharge until the patient's next discharge; a
 * completed one, or a signed integration note for the session (not entered in error), takes the session off the
 * list. `?status=` filters.
 * Roles: admin, prescriber, nurse, therapist (the care team). 200. Clinic-scoped; the read is audited (one entry
 * for the list, with the number of items). Ordered by `dueBy`, earliest first.
 */
import {
  type IntegrationAppointment,
  type IntegrationAppointmentStatus,
  integrationWindowOf,
  WORKLIST_LOOKBACK_DAYS,
  worklistEntry,
} from '@plasticity/clinical/integration';
import { Worklist, type WorklistItem, WorklistQuery } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow, CLINICAL_READERS } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';

const DAY = 86_400_000;
const COUNTED: IntegrationAppointmentStatus[] = ['booked', 'checked_in', 'completed', 'cancelled', 'no_show'];
const isCounted = (s: string): s is IntegrationAppointmentStatus =>
  (COUNTED as readonly string[]).includes(s);

export function getWorklistRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/integration/worklist',
    {
      config: { policy: allow.roles(...CLINICAL_READERS) },
      schema: { querystring: WorklistQuery, response: { 200: Worklist }, tags: ['integration'] },
    },
    async (req) => {
      const a = authOf(req);
      const now = ctx.clock.now();
      const since = new Date(now.getTime() - WORKLIST_LOOKBACK_DAYS * DAY);
      const sessions = await ctx.db
        .selectFrom('dosing_sessions as s')
        .innerJoin('patients as p', (j) =>
          j.onRef('p.id', '=', 's.patient_id').onRef('p.clinic_id', '=', 's.clinic_id'),
        )
        .select(['s.id', 's.patient_id', 's.protocol', 's.discharged_at', 'p.first_name', 'p.last_name'])
        .where('s.clinic_id', '=', a.clinicId)
        .where('s.status', '=', 'discharged')
        .where('s.discharged_at', '>=', since)
        .orderBy('s.patient_id')
        .orderBy('s.discharged_at')
        .execute();
      const patientIds = [...new Set(sessions.map((s) => s.patient_id))];
      const appointments = patientIds.length
        ? await ctx.db
            .selectFrom('appointments')
            .select(['id', 'patient_id', 'start_at', 'status'])
            .where('clinic_id', '=', a.clinicId)
            .where('type', '=', 'integration')
            .where('patient_id', 'in', patientIds)
            .where('start_at', '>=', since)
            .execute()
        : [];
      const noted = new Set(
        sessions.length
          ? (
              await ctx.db
                .selectFrom('clinical_notes')
                .select('session_id')
                .where('clinic_id', '=', a.clinicId)
                .where('kind', '=', 'integration')
                .where('entered_in_error_at', 'is', null)
                .where(
                  'session_id',
                  'in',
                  sessions.map((s) => s.id),
                )
                .execute()
            ).map((r) => r.session_id)
          : [],
      );
      const byPatient = new Map<string, IntegrationAppointment[]>();
      for (const r of appointments) {
        if (!isCounted(r.status)) continue;
        const list = byPatient.get(r.patient_id) ?? [];
        list.push({ id: r.id, startAt: new Date(r.start_at), status: r.status });
        byPatient.set(r.patient_id, list);
      }
      const items: WorklistItem[] = [];
      sessions.forEach((s, i) => {
        if (s.discharged_at === null || noted.has(s.id)) return;
        const next = sessions[i + 1];
        const nextDischargeAt =
          next && next.patient_id === s.patient_id && next.discharged_at
            ? new Date(next.discharged_at)
            : null;
        const e = worklistEntry({
          dischargedAt: new Date(s.discharged_at),
          nextDischargeAt,
          window: integrationWindowOf(s.protocol),
          appointments: byPatient.get(s.patient_id) ?? [],
          now,
        });
        if (!e || (req.query.status && e.status !== req.query.status)) return;
        items.push({
          patientId: s.patient_id,
          sessionId: s.id,
          dueFrom: e.dueFrom.toISOString(),
          dueBy: e.dueBy.toISOString(),
          status: e.status,
          patientName: `${s.first_name} ${s.last_name}`,
          dischargedAt: new Date(s.discharged_at).toISOString(),
          protocolName: s.protocol.name,
          appointmentId: e.appointment?.id ?? null,
          appointmentStart: e.appointment ? e.appointment.startAt.toISOString() : null,
        });
      });
      items.sort((x, y) => x.dueBy.localeCompare(y.dueBy) || x.sessionId.localeCompare(y.sessionId));
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'query',
        resourceType: 'integration_worklist',
        category: 'integration',
        details: { results: items.length },
      });
      return { items };
    },
  );
}

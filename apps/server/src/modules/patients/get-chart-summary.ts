/**
 * GET /api/v1/patients/{id}/chart-summary — what a clinician reads on opening a chart, in one request: the
 * demographics, the open alerts (the newest CHART_SUMMARY_ALERTS, and how many in all), the active treatment
 * plan, the latest score of each instrument (scores entered in error left out) and the last
 * CHART_SUMMARY_SESSIONS dosing sessions with the dose given in each.
 * Roles: admin, prescriber, nurse, therapist (clinical readers: the alerts, scores and sessions are theirs to
 * read; the front desk opens the demographics with `GET /api/v1/patients/{id}`). 200; 404 for a patient of
 * another clinic or none (the same answer).
 * Why one statement: the chart is the page opened most in a clinic day. The patient row, the four parts (each a
 * lateral subquery on its clinic-and-patient index) and the audit entry of the read (a data-modifying CTE) go
 * to the database as one prepared autocommit statement, so the read and its entry commit together in one round
 * trip.
 */
import { CHART_SUMMARY_ALERTS, CHART_SUMMARY_SESSIONS, ChartSummary, IdParams } from '@plasticity/contracts';
import type { PatientsTable } from '@plasticity/db';
import { type Selectable, sql } from 'kysely';
import { notFound } from '../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { allow, CLINICAL_READERS } from '../../platform/policy.ts';
import { actorOf, authOf } from '../../platform/request-context.ts';
import { toPatient } from './patient-row.ts';

interface SummaryRow extends Selectable<PatientsTable> {
  open_alert_count: number | string;
  open_alerts: { id: string; kind: string; severity: string; title: string; created_at: string }[];
  active_plan: {
    id: string;
    name: string;
    route: string;
    drug: string;
    planned_sessions: number;
    activated_at: string | null;
  } | null;
  latest_scores: {
    instrument_id: string;
    total: number;
    severity: string | null;
    administered_at: string;
  }[];
  recent_sessions: {
    id: string;
    scheduled_at: string;
    status: string;
    chair: string;
    protocol_name: string | null;
    route: string | null;
    total_dose_mg: string | null;
    discharged_at: string | null;
  }[];
}

const iso = (t: string | null) => (t === null ? null : new Date(t).toISOString());

/** A numeric sum as text ("35.500") without trailing zeros ("35.5"). */
const mg = (v: string | null) => (v === null ? null : v.includes('.') ? v.replace(/\.?0+$/, '') : v);

export function getChartSummaryRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/patients/:id/chart-summary',
    {
      config: { policy: allow.roles(...CLINICAL_READERS) },
      schema: { params: IdParams, response: { 200: ChartSummary }, tags: ['patients'] },
    },
    async (req) => {
      const a = authOf(req);
      const audit = ctx.audit.insertSelect(
        actorOf(req),
        {
          action: 'read',
          resourceType: 'patient',
          resourceId: sql`p.id::text`,
          patientId: sql`p.id`,
          category: 'demographics',
          details: {
            view: 'chart_summary',
            includes: ['alert', 'treatment_plan', 'assessment', 'dosing_session'],
          },
        },
        sql`p`,
      );
      const { rows } = await sql<SummaryRow>`-- prepare:chart_summary
        with p as (
          select * from patients where clinic_id = ${a.clinicId} and id = ${req.params.id}
        ), logged as (${audit})
        select p.*,
          (select count(*) from alerts
            where clinic_id = p.clinic_id and patient_id = p.id and status = 'open') as open_alert_count,
          (select coalesce(json_agg(x order by x.created_at desc, x.id), '[]'::json) from (
             select id, kind, severity, title, created_at from alerts
              where clinic_id = p.clinic_id and patient_id = p.id and status = 'open'
              order by created_at desc, id limit ${CHART_SUMMARY_ALERTS}) x) as open_alerts,
          (select row_to_json(x) from (
             select t.id, pr.name, pr.route, pr.drug, t.planned_sessions, t.activated_at
               from plan_treatment_plans t
               join plan_protocols pr on pr.clinic_id = t.clinic_id and pr.id = t.protocol_id
              where t.clinic_id = p.clinic_id and t.patient_id = p.id and t.status = 'active'
                and t.entered_in_error_at is null
              order by t.created_at desc, t.seq desc limit 1) x) as active_plan,
          (select coalesce(json_agg(x order by x.instrument_id), '[]'::json) from (
             select distinct on (instrument_id) instrument_id, total, severity, administered_at from assessments
              where clinic_id = p.clinic_id and patient_id = p.id and entered_in_error_at is null
              order by instrument_id, administered_at desc, created_at desc, id) x) as latest_scores,
          (select coalesce(json_agg(x order by x.scheduled_at desc, x.id), '[]'::json) from (
             select d.id, d.scheduled_at, d.status, d.chair, d.protocol->>'name' as protocol_name,
                    d.protocol->>'route' as route, d.discharged_at,
                    (select sum(dose_mg)::text from session_administrations g
                      where g.clinic_id = d.clinic_id and g.session_id = d.id
                        and g.entered_in_error_at is null) as total_dose_mg
               from dosing_sessions d
              where d.clinic_id = p.clinic_id and d.patient_id = p.id
              order by d.scheduled_at desc, d.id limit ${CHART_SUMMARY_SESSIONS}) x) as recent_sessions
        from p`.execute(ctx.db);
      const r = rows[0];
      if (!r) throw notFound('patient');
      ctx.audit.sealSoon();
      return {
        patient: toPatient(r),
        openAlertCount: Number(r.open_alert_count),
        openAlerts: r.open_alerts.map((x) => ({
          id: x.id,
          kind: x.kind,
          severity: x.severity as ChartSummary['openAlerts'][number]['severity'],
          title: x.title,
          createdAt: new Date(x.created_at).toISOString(),
        })),
        activePlan: r.active_plan && {
          id: r.active_plan.id,
          protocolName: r.active_plan.name,
          route: r.active_plan.route as NonNullable<ChartSummary['activePlan']>['route'],
          drug: r.active_plan.drug as NonNullable<ChartSummary['activePlan']>['drug'],
          plannedSessions: r.active_plan.planned_sessions,
          activatedAt: iso(r.active_plan.activated_at),
        },
        latestScores: r.latest_scores.map((x) => ({
          instrument: x.instrument_id,
          total: x.total,
          severity: x.severity,
          administeredAt: new Date(x.administered_at).toISOString(),
        })),
        recentSessions: r.recent_sessions.map((x) => ({
          id: x.id,
          scheduledAt: new Date(x.scheduled_at).toISOString(),
          status: x.status as ChartSummary['recentSessions'][number]['status'],
          chair: x.chair,
          protocolName: x.protocol_name ?? '',
          route: x.route ?? '',
          totalDoseMg: mg(x.total_dose_mg),
          dischargedAt: iso(x.discharged_at),
        })),
      };
    },
  );
}

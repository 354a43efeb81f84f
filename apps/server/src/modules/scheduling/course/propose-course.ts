/**
 * POST /api/v1/plans/{id}/course/proposal ProposeCourseRequest → 200 CourseProposal
 * Roles: admin, prescriber, nurse, front desk. "Book the induction": the series of dosing visits the plan's
 * protocol schedule asks for, in the first free slots on the patient's preferred days and times (pure rule:
 * `proposeCourse`, `@plasticity/clinical/scheduling`). Nothing is booked; staff adjust and book the series with
 * POST /api/v1/plans/{id}/course.
 * - The plan must be the clinic's (404) and approved or active (409 `precondition_failed`): a course is
 *   proposed from an approved plan (a draft plan's visits may still be booked one by one or as a course).
 * - Visits: `count`, else the plan's planned sessions less the dosing visits already booked under it
 *   (cancelled ones do not count), in the protocol's weekly rhythm.
 * - Chairs: `chairId`, else every active chair of the kind the protocol's route needs (intranasal → SPRAVATO
 *   room, otherwise infusion chair), in the clinic's order; busy while an appointment holds them (start to
 *   end + buffer). The patient's own appointments, and the clinician's when `clinicianId` is given, block too;
 *   no time before now is proposed. Opening hours from clinic settings (`openingHours`).
 * Another clinic's chair or clinician → 404. Audited as a read of the patient's plan.
 */
import { COURSE_DEFAULTS, proposeCourse } from '@plasticity/clinical/scheduling';
import { CourseProposal, ProposeCourseRequest } from '@plasticity/contracts';
import { z } from 'zod';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { clinicDate } from '../../../platform/time-format.ts';
import { readClinicSettings } from '../../clinic/settings-store.ts';
import { dosingVisit, loadCoursePlan } from './course-plan.ts';
import { assertClinician, HOLDING, holdingAppointments } from './course-resources.ts';

const DAY_MS = 86_400_000;

/**
 * Hours tried when the clinic has cleared its opening hours: Monday to Friday 08:00–18:00 (a Plasticity
 * product default, no clinical source; docs/clinical-sources.md#scheduling-defaults). Staff may book outside.
 */
const FALLBACK_OPEN = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '18:00' }));

export function proposeCourseRoute(app: ZodApp, ctx: ModuleContext): void {
  app.post(
    '/api/v1/plans/:id/course/proposal',
    {
      config: { policy: allow.roles('admin', 'prescriber', 'nurse', 'front_desk') },
      schema: {
        params: z.object({ id: z.uuid() }),
        body: ProposeCourseRequest,
        response: { 200: CourseProposal },
        tags: ['scheduling'],
      },
    },
    async (req) => {
      const a = authOf(req);
      const b = req.body;
      const plan = await loadCoursePlan(ctx.db, a.clinicId, req.params.id);
      if (plan.status !== 'approved' && plan.status !== 'active')
        throw new AppError('precondition_failed', 'the plan is not approved yet', [
          { field: 'id', message: 'the plan is not approved yet' },
        ]);
      const visit = await dosingVisit(ctx.db, a.clinicId, plan.protocol);
      const now = ctx.clock.now();
      const earliestDate = b.earliestDate ?? clinicDate(now, a.timeZone);

      let chairs = ctx.db
        .selectFrom('chairs')
        .select(['id', 'name'])
        .where('clinic_id', '=', a.clinicId)
        .where('active', '=', true);
      chairs = b.chairId ? chairs.where('id', '=', b.chairId) : chairs.where('kind', '=', visit.chairKind);
      const candidates = await chairs.orderBy('sort_order').orderBy('name').execute();
      if (b.chairId && candidates.length === 0) throw notFound('chair');
      if (b.clinicianId) await assertClinician(ctx.db, a.clinicId, b.clinicianId);

      const from = new Date(Math.min(now.getTime(), Date.parse(`${earliestDate}T00:00:00Z`) - DAY_MS));
      const to = new Date(
        Date.parse(`${earliestDate}T00:00:00Z`) + (COURSE_DEFAULTS.searchDays + 2) * DAY_MS,
      );
      const chairIds = candidates.map((c) => c.id);
      const held = await holdingAppointments(ctx.db, a.clinicId, from, to, {
        chairIds,
        patientId: plan.patientId,
        clinicianId: b.clinicianId ?? null,
      });
      const booked = await ctx.db
        .selectFrom('appointments')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('clinic_id', '=', a.clinicId)
        .where('plan_id', '=', plan.id)
        .where('type', '=', 'dosing')
        .where('status', 'in', HOLDING)
        .executeTakeFirstOrThrow();
      const remaining = Math.max(plan.plannedSessions - Number(booked.n), 0);

      const settings = await readClinicSettings(ctx.db, a.clinicId);
      const configured = settings.openingHours.length > 0;
      const open = configured ? settings.openingHours : FALLBACK_OPEN;

      const proposal = proposeCourse({
        sessions: plan.protocol.sessions,
        count: b.count ?? remaining,
        earliestDate,
        timeZone: a.timeZone,
        // The chair stays held for the buffer after the visit: the slot must leave room for it.
        durationMin: visit.durationMin + visit.bufferMin,
        ...(b.preferredWeekdays ? { preferredWeekdays: b.preferredWeekdays } : {}),
        ...(b.preferredTimes ? { preferredTimes: b.preferredTimes } : {}),
        open,
        resources: chairIds,
        busy: held
          .filter((h) => h.chair_id !== null && chairIds.includes(h.chair_id))
          .map((h) => ({ resourceId: h.chair_id ?? '', start: h.start_at, end: h.held_until })),
        patientBusy: [
          // Nothing in the past.
          { start: new Date(0), end: now },
          ...held
            .filter(
              (h) => h.patient_id === plan.patientId || (b.clinicianId && h.clinician_id === b.clinicianId),
            )
            .map((h) => ({ start: h.start_at, end: h.held_until })),
        ],
      });
      const warnings = [...proposal.warnings];
      if (b.count === undefined && remaining === 0)
        warnings.unshift(`All ${plan.plannedSessions} planned visits of this plan are booked already.`);
      if (!configured && !b.preferredTimes)
        warnings.unshift(
          'The clinic has no opening hours set: times from 08:00 to 18:00, Monday to Friday, were tried.',
        );
      if (candidates.length === 0)
        warnings.unshift(
          'The clinic has no active chair of the kind these visits need; add one under Chairs.',
        );
      const names = new Map(candidates.map((c) => [c.id, c.name]));
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'read',
        resourceType: 'treatment_plan',
        resourceId: plan.id,
        patientId: plan.patientId,
        category: 'scheduling',
        details: { courseProposal: proposal.items.length },
      });
      return {
        planId: plan.id,
        protocolId: plan.protocolId,
        durationMin: visit.durationMin,
        items: proposal.items.map((i) => ({
          index: i.index,
          start: i.start.toISOString(),
          end: new Date(i.start.getTime() + visit.durationMin * 60_000).toISOString(),
          chairId: i.resourceId,
          chairName: i.resourceId ? (names.get(i.resourceId) ?? null) : null,
          clinicianId: b.clinicianId ?? null,
        })),
        warnings,
      };
    },
  );
}

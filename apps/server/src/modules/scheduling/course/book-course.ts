/**
 * POST /api/v1/plans/{id}/course BookCourseRequest → 201 BookedCourse
 * Roles: admin, prescriber, nurse, front desk. Books the series staff adjusted from the proposal, all or
 * nothing: the course row and every dosing appointment (the plan's protocol and plan, `course_index` 1…n)
 * in one transaction through the one booking path (`bookInTrx`: chair kind, clinician role, length from the
 * protocol, buffer, the 'booked' event and audit entry of each).
 * - The plan must be the clinic's (404). A draft plan's course may be booked (front desks book the induction
 *   while approval is pending; each visit shows "plan approval pending" and the pre-dose checklist blocks
 *   dosing until the plan is approved); a completed or stopped plan's may not (409 `precondition_failed`).
 * - Any overlap — with a booked appointment or with another visit of the series — answers 409 `conflict`
 *   naming `body.items[i]`, the chair or clinician and the clashing time, and nothing of the series is kept.
 * - Another clinic's chair or clinician → 404; a chair of the wrong kind → 400 naming the field.
 */
import { BookCourseRequest, BookedCourse } from '@plasticity/contracts';
import { z } from 'zod';
import { AppError } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { appointmentView } from '../shared/appointment-view.ts';
import { bookInTrx } from '../shared/book.ts';
import { loadCoursePlan } from './course-plan.ts';

export function bookCourseRoute(app: ZodApp, ctx: ModuleContext): void {
  app.post(
    '/api/v1/plans/:id/course',
    {
      config: { policy: allow.roles('admin', 'prescriber', 'nurse', 'front_desk') },
      schema: {
        params: z.object({ id: z.uuid() }),
        body: BookCourseRequest,
        response: { 201: BookedCourse },
        tags: ['scheduling'],
      },
    },
    async (req, reply) => {
      const a = authOf(req);
      const actor = actorOf(req);
      const result = await ctx.db.transaction().execute(async (trx) => {
        const plan = await loadCoursePlan(trx, a.clinicId, req.params.id);
        if (plan.status === 'completed' || plan.status === 'stopped')
          throw new AppError(
            'precondition_failed',
            `the plan is ${plan.status}; no course can be booked on it`,
            [{ field: 'id', message: `the plan is ${plan.status}` }],
          );
        const course = await trx
          .insertInto('appointment_courses')
          .values({
            clinic_id: a.clinicId,
            patient_id: plan.patientId,
            plan_id: plan.id,
            protocol_id: plan.protocolId,
            created_by: a.userId,
            created_at: ctx.clock.now(),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const rows = [];
        for (const [i, item] of req.body.items.entries()) {
          rows.push(
            await bookInTrx(
              trx,
              ctx,
              actor,
              {
                clinicId: a.clinicId,
                patientId: plan.patientId,
                type: 'dosing',
                start: new Date(item.start),
                ...(item.durationMin !== undefined ? { durationMin: item.durationMin } : {}),
                ...(item.chairId ? { chairId: item.chairId } : {}),
                ...(item.clinicianId ? { clinicianId: item.clinicianId } : {}),
                protocolId: plan.protocolId,
                planId: plan.id,
                courseId: course.id,
                courseIndex: i + 1,
                bookedVia: 'staff',
                createdBy: a.userId,
              },
              { field: `body.items[${i}]` },
            ),
          );
        }
        await ctx.audit.record(trx, actor, {
          action: 'create',
          resourceType: 'appointment_course',
          resourceId: course.id,
          patientId: plan.patientId,
          category: 'scheduling',
          details: { planId: plan.id, visits: rows.length, planStatus: plan.status },
        });
        return { courseId: course.id, items: await appointmentView(trx, a.clinicId, a.timeZone, rows) };
      });
      reply.code(201);
      return result;
    },
  );
}

/**
 * SPRAVATO REMS Patient Monitoring Form routes (docs/clinical-sources.md#spravato-rems-requirements):
 * - GET  /api/v1/sessions/{id}/rems-form      the pre-filled form data (JSON)
 * - PUT  /api/v1/sessions/{id}/rems-form      the clinician's entries; `submitted: true` marks it submitted
 *   (only once discharged — the form reports the completed session)
 * - GET  /api/v1/sessions/{id}/rems-form.pdf  the form as PDF: a draft from dosing on, final after discharge
 * - GET  /api/v1/rems-forms/pending           esketamine sessions whose form is not marked submitted, with
 *   the 7-day deadline (`sessions.remsFormDueDays`)
 * Esketamine sessions only; audited (the PDF as an export).
 */
import { IdParams, RemsFormUpdate, RemsFormView, RemsPending } from '@plasticity/contracts';
import { toJson } from '@plasticity/db';
import { sql } from 'kysely';
import { AppError } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow, CLINICAL_READERS } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { loadSession, protocolOf, type SessionRow } from '../shared/load.ts';
import { sessionSettings } from '../shared/settings.ts';
import { hasRemsForm, REMS_STATUSES_FROM, remsForm } from './rems-form.ts';
import { remsPdf } from './rems-pdf.ts';

/** The clinician's entries over the earlier ones; concomitant answers merge per class. */
function mergeEntries(before: Record<string, unknown>, fields: Record<string, unknown>) {
  const out = { ...before, ...fields };
  if (fields.concomitant)
    out.concomitant = { ...(before.concomitant as object | undefined), ...(fields.concomitant as object) };
  return out;
}

function assertRems(s: SessionRow) {
  if (protocolOf(s).drug !== 'esketamine')
    throw new AppError('conflict', 'the REMS form applies to esketamine sessions only');
  if (!hasRemsForm(s))
    throw new AppError('conflict', `the REMS form is available from dosing on (the session is ${s.status})`);
}

export function remsRoutes(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/sessions/:id/rems-form',
    {
      config: { policy: allow.roles(...CLINICAL_READERS) },
      schema: { params: IdParams, response: { 200: RemsFormView }, tags: ['sessions'] },
    },
    async (req) => {
      const a = authOf(req);
      const s = await loadSession(ctx.db, a.clinicId, req.params.id);
      assertRems(s);
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'read',
        resourceType: 'rems_form',
        resourceId: s.id,
        patientId: s.patient_id,
        category: 'dosing_session',
      });
      return remsForm(ctx.db, s, ctx.clock.now(), a.timeZone);
    },
  );

  app.put(
    '/api/v1/sessions/:id/rems-form',
    {
      config: { policy: allow.roles('prescriber', 'nurse') },
      schema: { params: IdParams, body: RemsFormUpdate, response: { 200: RemsFormView }, tags: ['sessions'] },
    },
    async (req) => {
      const a = authOf(req);
      const now = ctx.clock.now();
      const { submitted, ...fields } = req.body;
      const row = await ctx.db.transaction().execute(async (trx) => {
        const s = await loadSession(trx, a.clinicId, req.params.id, { forUpdate: true });
        assertRems(s);
        if (submitted && s.status !== 'discharged')
          throw new AppError('conflict', 'mark the form submitted after discharge', [
            { field: 'body.submitted', message: 'session not discharged' },
          ]);
        const updated = await trx
          .updateTable('dosing_sessions')
          .set({
            rems_form: toJson(mergeEntries(s.rems_form as Record<string, unknown>, fields)),
            updated_at: now,
            ...(submitted === true ? { rems_submitted_at: now, rems_submitted_by: a.userId } : {}),
            ...(submitted === false ? { rems_submitted_at: null, rems_submitted_by: null } : {}),
          })
          .where('id', '=', s.id)
          .where('clinic_id', '=', a.clinicId)
          .returningAll()
          .executeTakeFirstOrThrow();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'update',
          resourceType: 'rems_form',
          resourceId: s.id,
          patientId: s.patient_id,
          category: 'dosing_session',
          details: { submitted: submitted ?? null },
        });
        return updated;
      });
      return remsForm(ctx.db, row, now, a.timeZone);
    },
  );

  app.get(
    '/api/v1/sessions/:id/rems-form.pdf',
    {
      config: { policy: allow.roles(...CLINICAL_READERS) },
      schema: { params: IdParams, tags: ['sessions'] },
    },
    async (req, reply) => {
      const a = authOf(req);
      const s = await loadSession(ctx.db, a.clinicId, req.params.id);
      assertRems(s);
      const form = await remsForm(ctx.db, s, ctx.clock.now(), a.timeZone);
      const pdf = await remsPdf(form);
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'export',
        resourceType: 'rems_form',
        resourceId: s.id,
        patientId: s.patient_id,
        category: 'dosing_session',
        details: { status: form.status },
      });
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="rems-monitoring-form-${s.id}.pdf"`)
        .send(Buffer.from(pdf));
    },
  );

  app.get(
    '/api/v1/rems-forms/pending',
    {
      config: { policy: allow.roles(...CLINICAL_READERS) },
      schema: { response: { 200: RemsPending }, tags: ['sessions'] },
    },
    async (req) => {
      const a = authOf(req);
      const now = ctx.clock.now();
      const { remsFormDueDays } = await sessionSettings(ctx.db, a.clinicId);
      const rows = await ctx.db
        .selectFrom('dosing_sessions as s')
        .innerJoin('patients as p', (j) =>
          j.onRef('p.clinic_id', '=', 's.clinic_id').onRef('p.id', '=', 's.patient_id'),
        )
        .select(['s.id', 's.patient_id', 's.status', 's.dose_started_at', 'p.first_name', 'p.last_name'])
        .where('s.clinic_id', '=', a.clinicId)
        .where(sql<boolean>`s.protocol->>'drug' = 'esketamine'`)
        .where('s.dose_started_at', 'is not', null)
        .where('s.rems_submitted_at', 'is', null)
        .where('s.status', 'in', REMS_STATUSES_FROM)
        .orderBy('s.dose_started_at')
        .execute();
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'query',
        resourceType: 'rems_form',
        category: 'dosing_session',
        details: { results: rows.length },
      });
      return {
        items: rows.map((r) => {
          const due = new Date(new Date(r.dose_started_at as Date).getTime() + remsFormDueDays * 86_400_000);
          return {
            sessionId: r.id,
            patientId: r.patient_id,
            patientName: `${r.first_name} ${r.last_name}`,
            treatmentDate: new Date(r.dose_started_at as Date).toISOString(),
            dueBy: due.toISOString(),
            overdue: due.getTime() < now.getTime(),
            status: r.status as never,
          };
        }),
      };
    },
  );
}

/**
 * PUT /api/v1/sessions/{id}/checklist/{key} {status, note?, escortName?, escortPhone?, prescriberOnSiteId?,
 * remsEnrolmentId?, remsEnrolledOn?} — a nurse or prescriber attests one pre-dose checklist item.
 * Only attested items can be set; derived items (consents, plan, eligibility, instruments, baseline
 * vitals) come from their records and answer 400. The escort needs a name and phone; "not applicable" only
 * where the protocol allows it (pregnancy test); the prescriber on site (REMS) must be a prescriber of this
 * clinic; REMS enrolment needs the patient's enrolment identifier and date (400 naming the field) and the
 * clinic's setting certification on record (409 `precondition_failed`). Only before dosing.
 */
import { ChecklistParams, ChecklistUpdate, type RemsEnrolment, SessionRecord } from '@plasticity/contracts';
import { toJson } from '@plasticity/db';
import { AppError, badField } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { clinicDate } from '../../../platform/time-format.ts';
import { remsSettingCertificationOf } from '../../clinic/rems-certification.ts';
import { emitBoardEvent, sessionEvent } from '../board/hub.ts';
import { type Executor, loadSession } from '../shared/load.ts';
import { ATTESTED_KEYS, type Attestation, checklistItems } from './checklist.ts';
import { sessionDetail } from './session-detail.ts';

const EDITABLE_IN = ['scheduled', 'checked_in', 'pre_assessment'];

/**
 * REMS enrolment (SPRAVATO REMS, FDA REMS 386: the patient enrolled before the first dose, in a certified
 * setting): the patient's enrolment identifier and date from the request, the setting's certification from
 * clinic settings; no date in the future (clinic's calendar).
 */
async function remsEnrolment(
  trx: Executor,
  clinicId: string,
  b: ChecklistUpdate,
  today: string,
): Promise<RemsEnrolment> {
  if (!b.remsEnrolmentId)
    throw badField('body.remsEnrolmentId', "is required: the patient's SPRAVATO REMS enrolment identifier");
  if (!b.remsEnrolledOn) throw badField('body.remsEnrolledOn', 'is required: the date of REMS enrolment');
  if (b.remsEnrolledOn > today) throw badField('body.remsEnrolledOn', 'cannot be in the future');
  const clinic = await trx
    .selectFrom('clinics')
    .select('settings')
    .where('id', '=', clinicId)
    .executeTakeFirstOrThrow();
  const cert = remsSettingCertificationOf(clinic.settings);
  if (!cert)
    throw new AppError(
      'precondition_failed',
      "the clinic's SPRAVATO REMS setting certification is not recorded: an admin records it in clinic settings",
      [{ field: 'remsSettingCertification', message: 'not recorded in clinic settings' }],
    );
  if (cert.certifiedOn > today)
    throw new AppError(
      'precondition_failed',
      "the clinic's REMS setting certification date is in the future",
      [{ field: 'remsSettingCertification', message: 'certification date in the future' }],
    );
  return {
    patientEnrolmentId: b.remsEnrolmentId,
    enrolledOn: b.remsEnrolledOn,
    settingCertificationId: cert.certificationId,
    settingCertifiedOn: cert.certifiedOn,
  };
}

export function updateChecklistRoute(app: ZodApp, ctx: ModuleContext) {
  app.put(
    '/api/v1/sessions/:id/checklist/:key',
    {
      config: { policy: allow.roles('prescriber', 'nurse') },
      schema: {
        params: ChecklistParams,
        body: ChecklistUpdate,
        response: { 200: SessionRecord },
        tags: ['sessions'],
      },
    },
    async (req) => {
      const a = authOf(req);
      const b = req.body;
      const now = ctx.clock.now();
      const row = await ctx.db.transaction().execute(async (trx) => {
        const s = await loadSession(trx, a.clinicId, req.params.id, { forUpdate: true });
        const item = checklistItems(s).find((i) => i.key === req.params.key);
        if (!item) throw badField('params.key', 'is not an item of this protocol’s checklist');
        if (!ATTESTED_KEYS.has(item.key))
          throw badField('params.key', 'is derived from the record and cannot be set by hand');
        if (!EDITABLE_IN.includes(s.status))
          throw new AppError('conflict', `the checklist is closed once the session is ${s.status}`);
        if (b.status === 'not_applicable' && !item.allowNotApplicable)
          throw badField('body.status', 'this item cannot be marked not applicable');
        if (item.key !== 'rems_enrolled') {
          if (b.remsEnrolmentId !== undefined)
            throw badField('body.remsEnrolmentId', 'belongs to the REMS enrolment item only');
          if (b.remsEnrolledOn !== undefined)
            throw badField('body.remsEnrolledOn', 'belongs to the REMS enrolment item only');
        }
        const rems =
          item.key === 'rems_enrolled' && b.status === 'done'
            ? await remsEnrolment(trx, a.clinicId, b, clinicDate(now, a.timeZone))
            : undefined;
        const checklist = { ...(s.checklist as Record<string, Attestation>) };
        const set: Record<string, unknown> = {};
        if (b.status === 'pending') delete checklist[item.key];
        else
          checklist[item.key] = {
            status: b.status,
            ...(b.note ? { note: b.note } : {}),
            by: a.userId,
            at: now.toISOString(),
            ...(rems ? { rems } : {}),
          };
        if (item.key === 'escort' && b.status === 'done') {
          if (!b.escortName) throw badField('body.escortName', 'is required to confirm the escort');
          if (!b.escortPhone) throw badField('body.escortPhone', 'is required to confirm the escort');
          set.escort = toJson({ name: b.escortName, phone: b.escortPhone });
        }
        if (item.key === 'prescriber_on_site') {
          if (b.status === 'done') {
            const who = b.prescriberOnSiteId ?? (a.role === 'prescriber' ? a.userId : undefined);
            if (!who) throw badField('body.prescriberOnSiteId', 'is required');
            const m = await trx
              .selectFrom('memberships')
              .select('id')
              .where('clinic_id', '=', a.clinicId)
              .where('user_id', '=', who)
              .where('role', '=', 'prescriber')
              .where('active', '=', true)
              .executeTakeFirst();
            if (!m) throw badField('body.prescriberOnSiteId', 'is not an active prescriber of this clinic');
            set.prescriber_on_site_id = who;
          } else set.prescriber_on_site_id = null;
        }
        const updated = await trx
          .updateTable('dosing_sessions')
          .set({ ...set, checklist: toJson(checklist), updated_at: now })
          .where('id', '=', s.id)
          .where('clinic_id', '=', a.clinicId)
          .returningAll()
          .executeTakeFirstOrThrow();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'update',
          resourceType: 'dosing_session_checklist',
          resourceId: s.id,
          patientId: s.patient_id,
          category: 'dosing_session',
          details: { key: item.key, status: b.status },
        });
        await emitBoardEvent(trx, now, a.clinicId, sessionEvent(s));
        return updated;
      });
      return sessionDetail(ctx.db, row, now);
    },
  );
}

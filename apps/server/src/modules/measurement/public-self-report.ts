/**
 * The public self-report page's API (no login; the link is the credential):
 * - GET  /api/v1/self-report/{token} → {clinicName, expiresAt, instruments}: the forms and the clinic's
 *   name only, nothing of the record;
 * - POST /api/v1/self-report/{token} {responses: [{instrument, answers}]} → {crisis, message, resources?}.
 * Unknown token → 404; used → 410 `link_used`; expired → 410 `link_expired`. Every answer set is
 * validated before anything is stored; the link is claimed with one conditional UPDATE so it is used
 * once even under concurrent submissions. A suicide-risk flag raises the alert and the response
 * carries the crisis resources at once (docs/clinical-sources.md#suicide-risk-flags-and-crisis-resources).
 */
import { SelfReportForm, SelfReportResult, SelfReportSubmission, TokenParams } from '@plasticity/contracts';
import type { FastifyRequest } from 'fastify';
import { AppError, notFound } from '../../platform/errors.ts';
import { claimLink } from '../../platform/link-claim.ts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { allow } from '../../platform/policy.ts';
import { hashToken } from '../../platform/tokens.ts';
import type { AuditActor } from '../audit/audit-writer.ts';
import { clinicInstruments, publicDefinition } from './definitions.ts';
import { WindowLimiter } from './links.ts';
import { CRISIS_MESSAGE, CRISIS_RESOURCES, recordAssessment, SUICIDE_RISK, scoreOrThrow } from './record.ts';

/** Requests per source address per minute on the public link routes (guessing protection). */
export const PUBLIC_LINK_REQUESTS_PER_MINUTE = 300;

const THANKS =
  'Thank you. Your answers were sent to your care team. Your answers may not be read immediately: if you need help now, call or text 988, or call 911 in an emergency.';

async function openLink(ctx: ModuleContext, token: string) {
  const link = await ctx.db
    .selectFrom('self_report_links')
    .selectAll()
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!link) throw notFound('link');
  if (link.used_at)
    throw new AppError('link_used', 'this link has already been used; ask the clinic for a new one');
  if (link.expires_at.getTime() <= ctx.clock.now().getTime())
    throw new AppError('link_expired', 'this link has expired; ask the clinic for a new one');
  return link;
}

const linkActor = (req: FastifyRequest, clinicId: string): AuditActor => ({
  clinicId,
  userId: null,
  email: null,
  role: 'patient',
  sourceAddress: req.ip ?? null,
});

export function publicSelfReportRoutes(app: ZodApp, ctx: ModuleContext) {
  const limiter = new WindowLimiter(PUBLIC_LINK_REQUESTS_PER_MINUTE, 60_000);
  const limit = (req: FastifyRequest) => {
    if (!limiter.allow(req.ip ?? 'unknown', Date.now()))
      throw new AppError('rate_limited', 'too many requests; wait a minute and try again');
  };

  app.get(
    '/api/v1/self-report/:token',
    {
      config: {
        policy: allow.public('single-use self-report link: the token is the credential'),
      },
      schema: { params: TokenParams, response: { 200: SelfReportForm }, tags: ['measurement'] },
    },
    async (req) => {
      limit(req);
      const link = await openLink(ctx, req.params.token);
      const clinic = await ctx.db
        .selectFrom('clinics')
        .select(['name', 'settings'])
        .where('id', '=', link.clinic_id)
        .executeTakeFirstOrThrow();
      const defs = await clinicInstruments(ctx.db, link.clinic_id);
      const instruments = link.instruments
        .map((id) => defs.find((d) => d.id === id))
        .filter((d) => d !== undefined);
      await ctx.audit.record(ctx.db, linkActor(req, link.clinic_id), {
        action: 'read',
        resourceType: 'self_report_link',
        resourceId: link.id,
        patientId: link.patient_id,
        category: 'assessment',
      });
      return {
        clinicName: clinic.name,
        expiresAt: link.expires_at.toISOString(),
        instruments: instruments.map(publicDefinition),
      } as never;
    },
  );

  app.post(
    '/api/v1/self-report/:token',
    {
      config: {
        policy: allow.public('single-use self-report link: the token is the credential'),
      },
      schema: {
        params: TokenParams,
        body: SelfReportSubmission,
        response: { 200: SelfReportResult },
        tags: ['measurement'],
      },
    },
    async (req) => {
      limit(req);
      const link = await openLink(ctx, req.params.token);
      const defs = await clinicInstruments(ctx.db, link.clinic_id);
      const patient = await ctx.db
        .selectFrom('patients')
        .select(['id', 'sex'])
        .where('clinic_id', '=', link.clinic_id)
        .where('id', '=', link.patient_id)
        .executeTakeFirstOrThrow();
      const seen = new Set<string>();
      const scored = req.body.responses.map((r, i) => {
        const field = `body.responses[${i}].instrument`;
        const def = link.instruments.includes(r.instrument)
          ? defs.find((d) => d.id === r.instrument)
          : undefined;
        if (!def)
          throw new AppError('validation_failed', `${field}: "${r.instrument}" is not a form of this link`, [
            { field, message: 'is not a form of this link' },
          ]);
        if (seen.has(def.id))
          throw new AppError('validation_failed', `${field}: answered twice`, [
            { field, message: 'is answered twice' },
          ]);
        seen.add(def.id);
        return {
          def,
          answers: r.answers as (number | null)[],
          score: scoreOrThrow(def, r.answers, patient.sex, `body.responses[${i}].`),
        };
      });
      const crisis = await ctx.db.transaction().execute(async (trx) => {
        const now = ctx.clock.now();
        if (!(await claimLink(trx, { kind: 'self_report', id: link.id }, now)))
          throw new AppError('link_used', 'this link has already been used; ask the clinic for a new one');
        let risk = false;
        for (const s of scored) {
          const { assessment } = await recordAssessment(trx, ctx, linkActor(req, link.clinic_id), {
            clinicId: link.clinic_id,
            patientId: link.patient_id,
            def: s.def,
            answers: s.answers,
            score: s.score,
            administeredAt: now,
            source: 'link',
            enteredBy: null,
            linkId: link.id,
            handedBy: link.delivery === 'clinic_device' ? link.handed_by : null,
          });
          risk ||= assessment.flags.includes(SUICIDE_RISK);
        }
        return risk;
      });
      return crisis
        ? { crisis: true, message: CRISIS_MESSAGE, resources: CRISIS_RESOURCES }
        : { crisis: false, message: THANKS };
    },
  );
}

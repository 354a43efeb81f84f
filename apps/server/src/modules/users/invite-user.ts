/**
 * Invitations: an admin invites staff (POST /api/v1/users/invite); staff who register patients
 * invite a patient to the portal (POST /api/v1/patients/{id}/portal-invite). Both create the
 * account without a password and send a one-time link through the outbox (the token is minted only
 * when the message is sent). Without a mail server, an admin gets the link once in this response to
 * hand over, and the audit entry says it was shown; nobody else ever sees it. The message carries no
 * patient data.
 */
import { IdParams, InvitePatientRequest, InviteResponse, InviteStaffRequest } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import { toJson } from '@plasticity/db';
import type { FastifyRequest } from 'fastify';
import { type Kysely, sql } from 'kysely';
import { AppError, notFound } from '../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { allow, PATIENT_EDITORS } from '../../platform/policy.ts';
import { actorOf, authOf } from '../../platform/request-context.ts';
import { stamp } from '../../platform/time-format.ts';
import { createOneTimeLink, mayShowLinkOnce } from '../auth/one-time-links.ts';
import { toUserSummary, usersOfClinic } from './user-row.ts';

async function inviteAccount(
  trx: Kysely<DB>,
  ctx: ModuleContext,
  req: FastifyRequest,
  input: { email: string; displayName: string; role: string; patientId: string | null; greeting: string },
) {
  const a = authOf(req);
  const existing = await trx
    .selectFrom('users')
    .select(['id'])
    .where(sql`lower(email)`, '=', input.email)
    .executeTakeFirst();
  if (existing) {
    throw new AppError('conflict', 'an account with this email already exists', [
      { field: 'body.email', message: 'is already in use' },
    ]);
  }
  const user = await trx
    .insertInto('users')
    .values({
      email: input.email,
      display_name: input.displayName,
      password_hash: null,
      recovery_codes: toJson([]),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('memberships')
    .values({ clinic_id: a.clinicId, user_id: user.id, role: input.role, patient_id: input.patientId })
    .execute();
  const {
    id: linkId,
    link,
    template,
    expiresAt,
  } = await createOneTimeLink(trx, ctx, req, {
    kind: 'invite',
    clinicId: a.clinicId,
    userId: user.id,
    createdBy: a.userId,
  });
  await ctx.mailer.enqueue(trx, {
    clinicId: a.clinicId,
    recipient: input.email,
    subject: `${a.clinicName}: your Plasticity account`,
    body: `${input.greeting}\n\n${a.clinicName} has invited you to Plasticity. Set your password here (the link works once and expires ${stamp(expiresAt, a.timeZone)}):\n\n${template}\n`,
    kind: 'invite',
    link: { kind: 'one_time', id: linkId },
  });
  const shown = mayShowLinkOnce(ctx, req);
  await ctx.audit.record(trx, actorOf(req), {
    action: 'create',
    resourceType: 'user',
    resourceId: user.id,
    patientId: input.patientId,
    details: { role: input.role, invited: true, linkShown: shown },
  });
  const summary = await usersOfClinic(trx, a.clinicId).where('u.id', '=', user.id).executeTakeFirstOrThrow();
  return { user: toUserSummary(summary), link: shown ? link : null, expiresAt: expiresAt.toISOString() };
}

export function inviteRoutes(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/users/invite',
    {
      config: { policy: allow.roles('admin') },
      schema: { body: InviteStaffRequest, response: { 201: InviteResponse }, tags: ['users'] },
    },
    async (req, reply) => {
      const b = req.body;
      const out = await ctx.db.transaction().execute((trx) =>
        inviteAccount(trx, ctx, req, {
          email: b.email,
          displayName: b.displayName,
          role: b.role,
          patientId: null,
          greeting: `Hello ${b.displayName},`,
        }),
      );
      return reply.status(201).send(out);
    },
  );
  app.post(
    '/api/v1/patients/:id/portal-invite',
    {
      config: { policy: allow.roles(...PATIENT_EDITORS) },
      schema: {
        params: IdParams,
        body: InvitePatientRequest.optional(),
        response: { 201: InviteResponse },
        tags: ['users'],
      },
    },
    async (req, reply) => {
      const a = authOf(req);
      const out = await ctx.db.transaction().execute(async (trx) => {
        const p = await trx
          .selectFrom('patients')
          .select(['id', 'first_name', 'email'])
          .where('clinic_id', '=', a.clinicId)
          .where('id', '=', req.params.id)
          .executeTakeFirst();
        if (!p) throw notFound('patient');
        const email = req.body?.email ?? p.email;
        if (!email)
          throw new AppError('validation_failed', 'body.email: the patient has no email on file; give one', [
            { field: 'body.email', message: 'is required: the patient has no email on file' },
          ]);
        const already = await trx
          .selectFrom('memberships')
          .select('id')
          .where('clinic_id', '=', a.clinicId)
          .where('patient_id', '=', p.id)
          .executeTakeFirst();
        if (already) throw new AppError('conflict', 'this patient already has a portal account');
        return inviteAccount(trx, ctx, req, {
          email,
          displayName: p.first_name,
          role: 'patient',
          patientId: p.id,
          greeting: `Hello ${p.first_name},`,
        });
      });
      return reply.status(201).send(out);
    },
  );
}

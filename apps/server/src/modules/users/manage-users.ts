/**
 * Admin account management: list, deactivate/reactivate (revokes sessions), password reset link
 * (ends the user's sessions at once; the link goes to the user by email, or is shown once to the admin
 * when no mail server is configured), MFA reset, role change. Every change is audited; an admin cannot deactivate or demote themself
 * (a clinic must never lose its last way in by accident).
 */
import {
  ChangeRoleRequest,
  IdParams,
  OkResponse,
  PasswordResetResponse,
  UserList,
  UserSummary,
} from '@plasticity/contracts';
import { toJson } from '@plasticity/db';
import { AppError, notFound } from '../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { allow } from '../../platform/policy.ts';
import { actorOf, authOf } from '../../platform/request-context.ts';
import { createOneTimeLink, mayShowLinkOnce } from '../auth/one-time-links.ts';
import { toUserSummary, usersOfClinic } from './user-row.ts';

const admin = { policy: allow.roles('admin') };

export function manageUserRoutes(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/users',
    { config: admin, schema: { response: { 200: UserList }, tags: ['users'] } },
    async (req) => {
      const a = authOf(req);
      const rows = await usersOfClinic(ctx.db, a.clinicId)
        .orderBy('m.role')
        .orderBy('u.display_name')
        .execute();
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'query',
        resourceType: 'user',
        details: { results: rows.length },
      });
      return { items: rows.map(toUserSummary) };
    },
  );

  /** Loads a user of the caller's clinic (404 otherwise) inside the transaction. */
  const member = async (trx: typeof ctx.db, clinicId: string, id: string) => {
    const r = await usersOfClinic(trx, clinicId).where('u.id', '=', id).executeTakeFirst();
    if (!r) throw notFound('user');
    return r;
  };

  for (const [verb, active] of [
    ['deactivate', false],
    ['reactivate', true],
  ] as const) {
    app.post(
      `/api/v1/users/:id/${verb}`,
      { config: admin, schema: { params: IdParams, response: { 200: UserSummary }, tags: ['users'] } },
      async (req) => {
        const a = authOf(req);
        if (!active && req.params.id === a.userId)
          throw new AppError('conflict', 'you cannot deactivate your own account');
        return ctx.db.transaction().execute(async (trx) => {
          await member(trx, a.clinicId, req.params.id);
          await trx
            .updateTable('memberships')
            .set({ active })
            .where('clinic_id', '=', a.clinicId)
            .where('user_id', '=', req.params.id)
            .execute();
          if (!active) await ctx.sessions.revokeAllForUser(trx, req.params.id);
          else await ctx.sessions.changed(trx);
          await ctx.audit.record(trx, actorOf(req), {
            action: 'update',
            resourceType: 'user',
            resourceId: req.params.id,
            details: { active },
          });
          return toUserSummary(await member(trx, a.clinicId, req.params.id));
        });
      },
    );
  }

  app.post(
    '/api/v1/users/:id/reset-password',
    {
      config: admin,
      schema: {
        params: IdParams,
        response: { 200: PasswordResetResponse },
        tags: ['users'],
      },
    },
    async (req) => {
      const a = authOf(req);
      return ctx.db.transaction().execute(async (trx) => {
        const u = await member(trx, a.clinicId, req.params.id);
        const { id, link, template, expiresAt } = await createOneTimeLink(trx, ctx, req, {
          kind: 'password_reset',
          clinicId: a.clinicId,
          userId: u.id,
          createdBy: a.userId,
        });
        await ctx.mailer.enqueue(trx, {
          clinicId: a.clinicId,
          recipient: u.email,
          subject: `${a.clinicName}: reset your Plasticity password`,
          body: `Set a new password here (the link works once and expires in one hour):\n\n${template}\n`,
          kind: 'password_reset',
          link: { kind: 'one_time', id },
        });
        // Whoever holds the account now (perhaps not its owner) is signed out at once.
        await ctx.sessions.revokeAllForUser(trx, u.id);
        const shown = mayShowLinkOnce(ctx, req);
        await ctx.audit.record(trx, actorOf(req), {
          action: 'update',
          resourceType: 'user_credentials',
          resourceId: u.id,
          details: { reset: 'password', sessionsEnded: true, linkShown: shown },
        });
        return { link: shown ? link : null, expiresAt: expiresAt.toISOString() };
      });
    },
  );

  app.post(
    '/api/v1/users/:id/reset-mfa',
    { config: admin, schema: { params: IdParams, response: { 200: OkResponse }, tags: ['users'] } },
    async (req) => {
      const a = authOf(req);
      await ctx.db.transaction().execute(async (trx) => {
        await member(trx, a.clinicId, req.params.id);
        await trx
          .updateTable('users')
          .set({
            mfa_enabled: false,
            mfa_secret: null,
            mfa_pending_secret: null,
            recovery_codes: toJson([]),
            last_totp_step: null,
          })
          .where('id', '=', req.params.id)
          .execute();
        await ctx.sessions.revokeAllForUser(trx, req.params.id);
        await ctx.audit.record(trx, actorOf(req), {
          action: 'update',
          resourceType: 'user_mfa',
          resourceId: req.params.id,
          details: { reset: 'mfa' },
        });
      });
      return { ok: true as const };
    },
  );

  app.patch(
    '/api/v1/users/:id/role',
    {
      config: admin,
      schema: { params: IdParams, body: ChangeRoleRequest, response: { 200: UserSummary }, tags: ['users'] },
    },
    async (req) => {
      const a = authOf(req);
      if (req.params.id === a.userId) throw new AppError('conflict', 'you cannot change your own role');
      return ctx.db.transaction().execute(async (trx) => {
        const u = await member(trx, a.clinicId, req.params.id);
        if (u.role === 'patient')
          throw new AppError('conflict', 'a patient account cannot be given a staff role');
        await trx
          .updateTable('memberships')
          .set({ role: req.body.role })
          .where('clinic_id', '=', a.clinicId)
          .where('user_id', '=', u.id)
          .execute();
        await ctx.sessions.revokeAllForUser(trx, u.id);
        await ctx.audit.record(trx, actorOf(req), {
          action: 'update',
          resourceType: 'user_role',
          resourceId: u.id,
          details: { from: u.role, to: req.body.role },
        });
        return toUserSummary(await member(trx, a.clinicId, u.id));
      });
    },
  );
}

/** POST /api/v1/auth/logout — revokes the session on the server and clears the cookie. */
import { OkResponse } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { allow } from '../../platform/policy.ts';
import { actorOf, authOf } from '../../platform/request-context.ts';
import { SESSION_COOKIE } from './session-store.ts';

export function logoutRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/auth/logout',
    {
      config: { policy: allow.anyUser({ duringMfaEnrolment: true }) },
      schema: { response: { 200: OkResponse }, tags: ['auth'] },
    },
    async (req, reply) => {
      const a = authOf(req);
      await ctx.sessions.revoke(a.sessionId);
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'logout',
        resourceType: 'session',
        resourceId: a.sessionId,
      });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );
}

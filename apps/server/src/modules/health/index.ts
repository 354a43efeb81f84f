/** `/healthz` (200 only once migrations and seeding are done) and the generated OpenAPI document. */
import { z } from 'zod';
import type { ServerModule } from '../../platform/module.ts';
import { allow } from '../../platform/policy.ts';

export const healthModule: ServerModule = {
  name: 'health',
  routes(app, ctx) {
    app.get(
      '/healthz',
      {
        config: { policy: allow.public('load balancers and start-up scripts poll it') },
        schema: {
          hide: true,
          response: {
            200: z.object({ status: z.literal('ok'), demo: z.boolean() }),
            503: z.object({ status: z.literal('starting') }),
          },
        },
      },
      async (_req, reply) => {
        if (!ctx.ready()) return reply.status(503).send({ status: 'starting' as const });
        return { status: 'ok' as const, demo: ctx.config.demo };
      },
    );
    app.get(
      '/api/v1/openapi.json',
      { config: { policy: allow.public('the API description is public') }, schema: { hide: true } },
      async () => app.swagger(),
    );
  },
};

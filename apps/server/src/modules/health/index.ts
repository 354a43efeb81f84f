/**
 * `/healthz` and the generated OpenAPI document.
 *
 * `/healthz` (public, kept out of the OpenAPI document) answers 503 `starting` until migrations and seeding
 * are done; then 200 `ok` with each background job's last success and consecutive failures, or 503
 * `unhealthy` when a safety job (alert escalation, the overdue-vitals sweep) has not succeeded for two minutes
 * (platform/jobs.ts) — alerts are then not moving, which a load balancer or monitor must notice.
 */
import { HealthOk, HealthUnavailable, OpenApiDocument } from '@plasticity/contracts';
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
            200: HealthOk,
            503: HealthUnavailable,
          },
        },
      },
      async (_req, reply) => {
        if (!ctx.ready()) return reply.status(503).send({ status: 'starting' as const });
        const { healthy, jobs } = ctx.jobs.health();
        if (!healthy)
          return reply.status(503).send({ status: 'unhealthy' as const, demo: ctx.config.demo, jobs });
        return { status: 'ok' as const, demo: ctx.config.demo, jobs };
      },
    );
    app.get(
      '/api/v1/openapi.json',
      {
        config: { policy: allow.public('the API description is public') },
        schema: { hide: true, response: { 200: OpenApiDocument } },
      },
      async () => OpenApiDocument.parse(app.swagger()),
    );
  },
};

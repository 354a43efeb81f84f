/**
 * Serves the built web app (apps/web/dist) at `/`, with index.html for client-side routes.
 * Static files are public (they contain no patient data); the API stays under /api/v1.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { ServerModule } from '../../platform/module.ts';
import { allow } from '../../platform/policy.ts';

const DEFAULT_DIST = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'web', 'dist');

export const webModule: ServerModule = {
  name: 'web',
  async routes(app, ctx) {
    const root = ctx.config.webDist ?? DEFAULT_DIST;
    if (!existsSync(join(root, 'index.html'))) {
      app.get(
        '/',
        { config: { policy: allow.public('web app placeholder') }, schema: { hide: true } },
        async (_req, reply) =>
          reply
            .type('text/html')
            .send(
              '<!doctype html><title>Plasticity</title><p>The web app is not built. Run <code>npm run build</code>.</p>',
            ),
      );
      return;
    }
    await app.register(fastifyStatic, { root, serve: false });
    app.get(
      '/*',
      {
        config: { policy: allow.public('the web app: static assets and client-side routes') },
        schema: { hide: true },
      },
      async (req, reply) => {
        const path = (req.params as { '*': string })['*'] ?? '';
        if (path.startsWith('api/')) return reply.callNotFound();
        if (path && !path.includes('..') && existsSync(join(root, path)) && !path.endsWith('/')) {
          const immutable = path.startsWith('assets/');
          return reply
            .header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
            .sendFile(path);
        }
        return reply.header('cache-control', 'no-cache').sendFile('index.html');
      },
    );
  },
};

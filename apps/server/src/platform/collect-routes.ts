/**
 * Lists every route the app registers, with its declared policy — by mounting every module of
 * MODULES (and the web module) on a fresh Fastify instance with an onRoute collector, the way
 * app.ts mounts them. Used by the policy, CSRF and bad-input tests to cover routes that later
 * modules add without anyone having to update a list.
 */
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type RouteOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { MODULES } from '../app.ts';
import { webModule } from '../modules/web/index.ts';
import type { ModuleContext, ZodApp } from './module.ts';
import type { Policy } from './policy.ts';

export interface RegisteredRoute {
  method: string;
  url: string;
  policy: Policy | undefined;
  /** The names of the route's query-string parameters (from its zod schema). */
  query: string[];
  /** The status keys of the route's declared response schemas (`schema.response`), e.g. ['200', '201']. */
  responses: string[];
  /** The handler's source text, to find the success statuses it sets (`reply.code(201)`). */
  handlerSource: string;
}

/** The keys of a zod object schema, or none. */
function shapeKeys(schema: unknown): string[] {
  const shape = (schema as { shape?: unknown } | undefined)?.shape;
  return shape && typeof shape === 'object' ? Object.keys(shape) : [];
}

export async function collectRoutes(ctx: ModuleContext): Promise<RegisteredRoute[]> {
  const routes: RegisteredRoute[] = [];
  const app = Fastify().withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onRoute', (r: RouteOptions) => {
    for (const method of [r.method].flat()) {
      if (method === 'HEAD') continue; // Fastify's automatic HEAD twin of a GET shares its config
      routes.push({
        method,
        url: r.url,
        policy: (r.config as { policy?: Policy } | undefined)?.policy,
        query: shapeKeys((r.schema as { querystring?: unknown } | undefined)?.querystring),
        responses: Object.keys((r.schema as { response?: object } | undefined)?.response ?? {}),
        handlerSource: r.handler.toString(),
      });
    }
  });
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: { openapi: '3.0.3', info: { title: 'routes', version: '1' } },
    transform: jsonSchemaTransform,
  });
  for (const m of [...MODULES, webModule]) await m.routes(app as unknown as ZodApp, ctx);
  await app.ready();
  await app.close();
  return routes;
}

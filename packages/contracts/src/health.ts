/**
 * GET /healthz (each background job's last success and failures; 503 while starting or when a safety job
 * is stale) and GET /api/v1/openapi.json (the generated OpenAPI 3 document, passed through as generated).
 */
import { z } from 'zod';

export const JobHealth = z.object({
  name: z.string(),
  safety: z.boolean(),
  lastSuccessAt: z.string().nullable(),
  lastFailureAt: z.string().nullable(),
  consecutiveFailures: z.number().int(),
  lastError: z
    .object({ errorClass: z.string(), sqlstate: z.string().optional(), code: z.string().optional() })
    .nullable(),
  stale: z.boolean(),
});
export type JobHealth = z.infer<typeof JobHealth>;

export const HealthOk = z.object({ status: z.literal('ok'), demo: z.boolean(), jobs: z.array(JobHealth) });
export const HealthUnavailable = z.union([
  z.object({ status: z.literal('starting') }),
  z.object({ status: z.literal('unhealthy'), demo: z.boolean(), jobs: z.array(JobHealth) }),
]);

/** The OpenAPI document: its version, info and paths are checked; every other member is kept as generated. */
export const OpenApiDocument = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.unknown()),
});

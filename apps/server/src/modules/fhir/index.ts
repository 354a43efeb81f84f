/**
 * FHIR R4 read and search under /fhir/R4 (docs/fhir.md): a CapabilityStatement, and every type of sources.ts
 * (Patient, Observation, QuestionnaireResponse, Encounter, Practitioner, Location, Questionnaire,
 * MedicationAdministration, AdverseEvent, CarePlan, Flag, Appointment, AuditEvent) mapped from the record at
 * request time; Bulk Data export (`$export`, bulk/) of the same resources as NDJSON files, written by a
 * background job. The routes live in their own Fastify scope so that every error under /fhir/R4 — the auth
 * gate's too — answers an OperationOutcome (outcome.ts), not the app's JSON error shape. System clients (SMART
 * Backend Services, clients/) are registered under /api/v1/fhir-clients and get their tokens from
 * /fhir/R4/auth/token, a scope of its own that answers OAuth errors.
 */
import type { ServerModule } from '../../platform/module.ts';
import { BULK_EXPORT_POLL_MS, bulkExportRoutes, runBulkExportTick } from './bulk/index.ts';
import { capabilityStatementRoute } from './capability-statement.ts';
import { authorizationRoutes, clientAdminRoutes } from './clients/routes.ts';
import { installFhirErrors } from './outcome.ts';
import { part2ConsentRoutes } from './part2-consents/routes.ts';
import { resourceRoutes } from './resource-routes.ts';
import { FHIR_SOURCES } from './sources.ts';

export const FHIR_PREFIX = '/fhir/R4';

export const fhirModule: ServerModule = {
  name: 'fhir',
  async routes(app, ctx) {
    await app.register(
      async (scope) => {
        installFhirErrors(scope);
        capabilityStatementRoute(scope, ctx);
        for (const source of Object.values(FHIR_SOURCES)) resourceRoutes(scope, ctx, source);
        bulkExportRoutes(scope, ctx);
      },
      { prefix: FHIR_PREFIX },
    );
    await app.register(
      async (scope) => {
        authorizationRoutes(scope, ctx);
      },
      { prefix: FHIR_PREFIX },
    );
    clientAdminRoutes(app, ctx);
    part2ConsentRoutes(app, ctx);
  },
  start(ctx) {
    return ctx.jobs.every('fhir-bulk-export', BULK_EXPORT_POLL_MS, () => runBulkExportTick(ctx));
  },
};

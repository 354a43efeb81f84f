/**
 * FHIR R4 read and search under /fhir/R4 (docs/fhir.md): a CapabilityStatement, and Patient, Observation,
 * QuestionnaireResponse, Encounter, Practitioner and Location mapped from the record at request time. The routes live in their own Fastify scope so that every error under
 * /fhir/R4 — the auth gate's too — answers an OperationOutcome (outcome.ts), not the app's JSON error shape.
 * System clients (SMART Backend Services, clients/) are registered under /api/v1/fhir-clients and get their
 * tokens from /fhir/R4/auth/token, a scope of its own that answers OAuth errors.
 */
import type { ServerModule } from '../../platform/module.ts';
import { capabilityStatementRoute } from './capability-statement.ts';
import { authorizationRoutes, clientAdminRoutes } from './clients/routes.ts';
import { encounterSource } from './encounter-source.ts';
import { locationSource } from './location-source.ts';
import { observationSource } from './observation-source.ts';
import { installFhirErrors } from './outcome.ts';
import { patientSource } from './patient-resource.ts';
import { practitionerSource } from './practitioner-source.ts';
import { questionnaireResponseSource } from './questionnaire-response-source.ts';
import { resourceRoutes } from './resource-routes.ts';

export const FHIR_PREFIX = '/fhir/R4';

export const fhirModule: ServerModule = {
  name: 'fhir',
  async routes(app, ctx) {
    await app.register(
      async (scope) => {
        installFhirErrors(scope);
        capabilityStatementRoute(scope, ctx);
        resourceRoutes(scope, ctx, patientSource);
        resourceRoutes(scope, ctx, observationSource);
        resourceRoutes(scope, ctx, questionnaireResponseSource);
        resourceRoutes(scope, ctx, encounterSource);
        resourceRoutes(scope, ctx, practitionerSource);
        resourceRoutes(scope, ctx, locationSource);
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
  },
};

/**
 * FHIR R4 read and search under /fhir/R4 (docs/fhir.md): a CapabilityStatement, Patient and Observation mapped
 * from the record at request time. The routes live in their own Fastify scope so that every error under
 * /fhir/R4 — the auth gate's too — answers an OperationOutcome (outcome.ts), not the app's JSON error shape.
 */
import type { ServerModule } from '../../platform/module.ts';
import { capabilityStatementRoute } from './capability-statement.ts';
import { observationSource } from './observation-source.ts';
import { installFhirErrors } from './outcome.ts';
import { patientSource } from './patient-resource.ts';
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
      },
      { prefix: FHIR_PREFIX },
    );
  },
};

/**
 * System clients of the FHIR interface (SMART Backend Services; docs/fhir.md#system-clients): the admin's
 * routes under /api/v1/fhir-clients, and the token endpoint with the SMART configuration under /fhir/R4 in a
 * scope of their own, where bodies may be form-encoded and errors are OAuth errors rather than OperationOutcomes.
 */
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { disableClientRoute } from './disable-client.ts';
import { listClientsRoute } from './list-clients.ts';
import { acceptFormBodies, installOAuthErrors } from './oauth-errors.ts';
import { registerClientRoute } from './register-client.ts';
import { smartConfigurationRoute } from './smart-configuration.ts';
import { tokenRoute } from './token-endpoint.ts';

export function clientAdminRoutes(app: ZodApp, ctx: ModuleContext): void {
  listClientsRoute(app, ctx);
  registerClientRoute(app, ctx);
  disableClientRoute(app, ctx);
}

/**
 * The token endpoint and the SMART configuration, for a scope of their own under the FHIR prefix: form bodies
 * are parsed there and errors answer as OAuth errors.
 */
export function authorizationRoutes(scope: ZodApp, ctx: ModuleContext): void {
  acceptFormBodies(scope);
  installOAuthErrors(scope);
  tokenRoute(scope, ctx);
  smartConfigurationRoute(scope, ctx);
}

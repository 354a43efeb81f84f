/**
 * 42 CFR Part 2 disclosure consents and the accounting of disclosures under /api/v1/patients/{id}
 * (docs/fhir.md#42-cfr-part-2): record, list, revoke (or mark entered in error), print; the accounting; and the
 * recipients a consent may name (GET /api/v1/part2-recipients).
 */
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { part2ConsentPdfRoute } from './consent-pdf.ts';
import { listPart2ConsentsRoute } from './list-consents.ts';
import { listPart2DisclosuresRoute } from './list-disclosures.ts';
import { listPart2RecipientsRoute } from './list-recipients.ts';
import { recordPart2ConsentRoute } from './record-consent.ts';
import { revokePart2ConsentRoute } from './revoke-consent.ts';

export function part2ConsentRoutes(app: ZodApp, ctx: ModuleContext): void {
  recordPart2ConsentRoute(app, ctx);
  listPart2ConsentsRoute(app, ctx);
  revokePart2ConsentRoute(app, ctx);
  listPart2DisclosuresRoute(app, ctx);
  part2ConsentPdfRoute(app, ctx);
  listPart2RecipientsRoute(app, ctx);
}

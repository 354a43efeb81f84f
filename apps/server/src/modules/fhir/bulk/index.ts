/**
 * FHIR Bulk Data export (FHIR Bulk Data Access IG 2.0.0; docs/fhir.md#bulk-data-export): the kick-off at system and
 * Patient level, polling and cancellation, the files; the background worker is started by the fhir module.
 */
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { exportFileRoute } from './export-file.ts';
import { kickOffExportRoutes } from './kick-off-export.ts';
import { pollExportRoutes } from './poll-export.ts';

export { BULK_EXPORT_POLL_MS, runBulkExportTick } from './export-worker.ts';

export function bulkExportRoutes(app: ZodApp, ctx: ModuleContext) {
  kickOffExportRoutes(app, ctx);
  pollExportRoutes(app, ctx);
  exportFileRoute(app, ctx);
}

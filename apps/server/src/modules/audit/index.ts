/** The audit module: the admin's report over the tamper-evident audit log. */
import type { ServerModule } from '../../platform/module.ts';
import { listAuditRoute } from './list-audit.ts';

export const auditModule: ServerModule = {
  name: 'audit',
  routes(app, ctx) {
    listAuditRoute(app, ctx);
  },
};

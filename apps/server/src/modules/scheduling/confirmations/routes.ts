/** Registers this part's routes (one operation per file beside this one). */
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { linkGuard } from './confirmation-link.ts';
import { getConfirmationRoute } from './get-confirmation.ts';
import { sendConfirmationRequestRoute } from './send-confirmation-request.ts';
import { submitConfirmationRoute } from './submit-confirmation.ts';

export function confirmationRoutes(app: ZodApp, ctx: ModuleContext): void {
  const guard = linkGuard();
  getConfirmationRoute(app, ctx, guard);
  submitConfirmationRoute(app, ctx, guard);
  sendConfirmationRequestRoute(app, ctx);
}

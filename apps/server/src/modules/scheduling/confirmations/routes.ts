/** Registers this part's routes (one operation per file beside this one). */
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';

export function confirmationRoutes(_app: ZodApp, _ctx: ModuleContext): void {}

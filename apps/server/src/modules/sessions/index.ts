/** The sessions module. */
import type { ServerModule } from '../../platform/module.ts';

export const sessionsModule: ServerModule = {
  name: 'sessions',
  routes() {},
};

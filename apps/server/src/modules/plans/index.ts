/** The plans module. */
import type { ServerModule } from '../../platform/module.ts';

export const plansModule: ServerModule = {
  name: 'plans',
  routes() {},
};

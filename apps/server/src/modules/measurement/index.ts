/** The measurement module. */
import type { ServerModule } from '../../platform/module.ts';

export const measurementModule: ServerModule = {
  name: 'measurement',
  routes() {},
};

/** The controlled module. */
import type { ServerModule } from '../../platform/module.ts';

export const controlledModule: ServerModule = {
  name: 'controlled',
  routes() {},
};

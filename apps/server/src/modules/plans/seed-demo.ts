/** Demo data for the plans module (filled in below). */
import type { ModuleContext } from '../../platform/module.ts';
import type { DemoSeedInfo } from '../../seed/demo.ts';

export async function seedPlansDemo(_ctx: ModuleContext, _info: DemoSeedInfo): Promise<void> {}

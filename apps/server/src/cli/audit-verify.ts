/** `plasticity audit verify`: seal what is pending, then walk the whole chain. */
import { migrate } from '@plasticity/db';
import type { Config } from '../config.ts';
import { sealPending, verifyChain } from '../modules/audit/chain.ts';
import { openConfiguredDatabase } from '../server.ts';

export async function auditVerifyCommand(config: Config): Promise<number> {
  const database = await openConfiguredDatabase(config);
  try {
    await migrate(database.db);
    while ((await sealPending(database.db)) > 0) {
      /* seal all committed entries first */
    }
    const r = await verifyChain(database.db);
    if (r.ok) {
      console.log(`Audit log intact: ${r.checked} entries verified.`);
      return 0;
    }
    const bad = r.firstBad;
    console.error(
      `Audit log TAMPERED: first bad entry is #${bad?.seq}${bad?.id ? ` (id ${bad.id})` : ''}: ${bad?.problem}. ${r.checked} entries before it verified.`,
    );
    return 1;
  } finally {
    await database.close();
  }
}

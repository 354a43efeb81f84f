/** `plasticity audit verify`: seal what is pending, then walk the whole chain. Also run after a restore. */
import { type DB, migrate } from '@plasticity/db';
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import { sealPending, verifyChain } from '../modules/audit/chain.ts';
import { openConfiguredDatabase } from './configured-database.ts';

export async function auditVerifyCommand(config: Config): Promise<number> {
  const database = await openConfiguredDatabase(config);
  try {
    await migrate(database.db);
    return await verifyAuditLog(database.db);
  } finally {
    await database.close();
  }
}

/** Seals committed entries, verifies the chain and prints the result; returns the exit code (0 intact, 1 not). */
export async function verifyAuditLog(db: Kysely<DB>): Promise<number> {
  while ((await sealPending(db)) > 0) {
    /* seal all committed entries first */
  }
  const r = await verifyChain(db);
  if (r.ok) {
    console.log(`Audit log intact: ${r.checked} entries verified.`);
    return 0;
  }
  const bad = r.firstBad;
  console.error(
    `Audit log TAMPERED: first bad entry is #${bad?.seq}${bad?.id ? ` (id ${bad.id})` : ''}: ${bad?.problem}. ${r.checked} entries before it verified.`,
  );
  return 1;
}

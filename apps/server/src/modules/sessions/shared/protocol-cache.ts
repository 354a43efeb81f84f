/**
 * A session's protocol snapshot is immutable once booked (see protocol-lookup.ts), so hot paths (vitals
 * ingestion) may keep it in memory instead of re-reading the JSON on every reading. Bounded; clinic-scoped.
 */
import type { Protocol } from '@plasticity/clinical/protocols';
import type { ModuleContext } from '../../../platform/module.ts';
import type { Executor } from './load.ts';

const MAX = 2000;

export interface ProtocolCache {
  /** The session's protocol snapshot; undefined when the clinic has no such session. */
  find(db: Executor, clinicId: string, sessionId: string): Promise<Protocol | undefined>;
}

const caches = new WeakMap<ModuleContext, ProtocolCache>();

export function protocolCache(ctx: ModuleContext): ProtocolCache {
  let c = caches.get(ctx);
  if (c) return c;
  const map = new Map<string, Protocol>();
  c = {
    async find(db, clinicId, sessionId) {
      const key = `${clinicId}:${sessionId}`;
      const hit = map.get(key);
      if (hit) return hit;
      const row = await db
        .selectFrom('dosing_sessions')
        .select('protocol')
        .where('clinic_id', '=', clinicId)
        .where('id', '=', sessionId)
        .executeTakeFirst();
      if (!row) return undefined;
      const p = row.protocol;
      if (map.size >= MAX) map.delete(map.keys().next().value as string);
      map.set(key, p);
      return p;
    },
  };
  caches.set(ctx, c);
  return c;
}

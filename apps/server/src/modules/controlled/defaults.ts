/**
 * Fills what the register can know for itself before a movement is validated, so a form (or an API
 * caller) need not repeat it — never guessing where two answers are possible:
 * - `administer`, or `waste` from a draw, without `drawId`: the one draw on this container still not
 *   accounted for (for `patientId`, when given). Two or more → left empty (400 names `body.drawId`).
 * - `receipt` without `supplierId`: the supplier of this container's earlier receipt.
 * - `return` without `recipient`: that supplier (a return goes back to the registrant it came from;
 *   21 CFR 1304.22(c) wants their name, address and DEA number).
 */
import type { CreateMovementRequest } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import { type Kysely, sql } from 'kysely';

export async function withDefaults(
  trx: Kysely<DB>,
  clinicId: string,
  body: CreateMovementRequest,
): Promise<CreateMovementRequest> {
  const out = { ...body };
  const fromDraw = body.type === 'administer' || (body.type === 'waste' && body.from === 'draw');
  if (fromDraw && !body.drawId) {
    let q = trx
      .selectFrom('cs_ledger as d')
      .select('d.id')
      .where('d.clinic_id', '=', clinicId)
      .where('d.container_id', '=', body.containerId)
      .where('d.type', '=', 'draw')
      .where('d.corrects_entry_id', 'is', null)
      .where(
        sql<boolean>`(select coalesce(sum(x.draw_delta), 0) from cs_ledger x where x.draw_id = d.id) > 0`,
      );
    if (body.patientId) q = q.where('d.patient_id', '=', body.patientId);
    const open = await q.limit(2).execute();
    if (open.length === 1) out.drawId = open[0]?.id;
  }
  if ((body.type === 'receipt' && !body.supplierId) || (body.type === 'return' && !body.recipient)) {
    const s = await trx
      .selectFrom('cs_ledger as e')
      .innerJoin('cs_suppliers as s', 's.id', 'e.supplier_id')
      .select(['s.id', 's.name', 's.address', 's.dea_number'])
      .where('e.clinic_id', '=', clinicId)
      .where('e.container_id', '=', body.containerId)
      .where('e.type', '=', 'receipt')
      .orderBy('e.seq', 'desc')
      .executeTakeFirst();
    const chosen =
      body.type === 'return' && body.supplierId
        ? await trx
            .selectFrom('cs_suppliers as s')
            .select(['s.id', 's.name', 's.address', 's.dea_number'])
            .where('s.clinic_id', '=', clinicId)
            .where('s.id', '=', body.supplierId)
            .executeTakeFirst()
        : s;
    if (body.type === 'receipt' && s) out.supplierId = s.id;
    if (body.type === 'return' && chosen)
      out.recipient = { name: chosen.name, address: chosen.address, deaNumber: chosen.dea_number };
  }
  return out;
}

/** The price list: the row in force for a service on a date, and every row mapped to its API shape. */
import type { PriceList, PriceListItem, ServiceKey } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import type { Kysely, Selectable } from 'kysely';

export function priceItem(r: Selectable<DB['price_list_items']>): PriceListItem {
  return {
    id: r.id,
    serviceKey: r.service_key as ServiceKey,
    label: r.label,
    amountCents: r.amount_cents,
    effectiveFrom: r.effective_from,
    effectiveTo: r.effective_to,
  };
}

/** The price row in force for `serviceKey` on `date` (YYYY-MM-DD), or undefined when the clinic has none. */
export async function priceOn(db: Kysely<DB>, clinicId: string, serviceKey: string, date: string) {
  return db
    .selectFrom('price_list_items')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('service_key', '=', serviceKey)
    .where('effective_from', '<=', date)
    .where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>=', date)]))
    .orderBy('effective_from', 'desc')
    .executeTakeFirst();
}

/** Every price row (newest first per service) and the rows in force on `today`. */
export async function priceList(db: Kysely<DB>, clinicId: string, today: string): Promise<PriceList> {
  const rows = await db
    .selectFrom('price_list_items')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .orderBy('service_key')
    .orderBy('effective_from', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  const items = rows.map(priceItem);
  const current = items.filter(
    (i) => i.effectiveFrom <= today && (i.effectiveTo === null || i.effectiveTo >= today),
  );
  return { current, items };
}

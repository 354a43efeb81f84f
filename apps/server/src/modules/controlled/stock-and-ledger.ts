/**
 * Shared pieces of the controlled-substance register: who may do what, how a container's balance and
 * status are derived from the ledger (never stored: 21 CFR 1304.04/1304.21 make the ordered record the
 * truth), and row → API mapping.
 *
 * Access: prescribers and nurses move stock; admins configure products, suppliers and
 * locations and may *read* the register and its reports (an inspector asks the registrant's
 * administrator for records, 21 CFR 1304.04 "readily retrievable"), but never move stock; therapists,
 * front desk and patients see nothing (403 on every route).
 */
import {
  addDays,
  type ContainerState,
  type ContainerStatus,
  containerStatus,
  Decimal,
  localDate,
} from '@plasticity/clinical/controlled';
import { parseClinicSettings, type Role, type StoredClinicSettings } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import { type Kysely, sql } from 'kysely';
import { notFound } from '../../platform/errors.ts';
import { addressLine } from '../clinic/clinic-settings.ts';

export const MOVERS: Role[] = ['prescriber', 'nurse'];
export const READERS: Role[] = ['admin', 'prescriber', 'nurse'];
export const CONFIGURERS: Role[] = ['admin'];
export const CATEGORY = 'controlled_substance';

/**
 * Clinic-configurable register settings (clinics.settings.controlled): beyond-use days (USP <797>) and the
 * expiry alert window, with their defaults documented in `ControlledClinicSettings` (@plasticity/contracts).
 */
export type ControlledSettings = StoredClinicSettings['controlled'];

export async function clinicInfo(db: Kysely<DB>, clinicId: string) {
  const c = await db
    .selectFrom('clinics')
    .select(['name', 'address', 'time_zone', 'settings', 'phone', 'dea_number', 'npi'])
    .where('id', '=', clinicId)
    .executeTakeFirstOrThrow();
  const settings = parseClinicSettings(c.settings).controlled;
  // Name, address, phone and DEA number come from clinic settings (the admin's Clinic settings page).
  return {
    name: c.name,
    address: addressLine(c.address),
    timeZone: c.time_zone,
    settings,
    deaNumber: c.dea_number ?? '',
    phone: c.phone ?? '',
    npi: c.npi ?? '',
  };
}

/** "Registrant: <name> - DEA <number> - <address> - <phone>", each from clinic settings. */
export function registrantLine(info: {
  name: string;
  deaNumber: string;
  address: string;
  phone: string;
}): string {
  return [
    `Registrant: ${info.name}`,
    `DEA ${info.deaNumber || '(not set in clinic settings)'}`,
    info.address || 'address not set in clinic settings',
    ...(info.phone ? [`phone ${info.phone}`] : []),
  ].join(' - ');
}

export const productDisplay = (p: { drug: string; strength: string; container_label: string }) =>
  `${p.drug} ${p.strength}, ${p.container_label}`;

/** Exact decimal from a numeric column (string), canonical on output. */
export const dec = (v: string | number | null | undefined) =>
  Decimal.of(v === null || v === undefined ? '0' : typeof v === 'number' ? v : v);
export const canon = (v: string | number | null | undefined) => dec(v).toString();

/** Containers with product, location, derived balance and opening time. */
export function stockQuery(db: Kysely<DB>, clinicId: string) {
  return db
    .selectFrom('cs_containers as c')
    .innerJoin('cs_products as p', 'p.id', 'c.product_id')
    .innerJoin('cs_locations as l', 'l.id', 'c.location_id')
    .select([
      'c.id',
      'c.lot',
      'c.label',
      'c.expires_on',
      'c.location_id',
      'c.product_id',
      'c.created_at',
      'p.drug',
      'p.strength',
      'p.container_label',
      'p.ndc',
      'p.form',
      'p.unit',
      'p.schedule',
      'p.container_size',
      'p.concentration_mg_per_ml',
      'l.name as location_name',
    ])
    .select(
      sql<string>`(select coalesce(sum(e.container_delta), 0)::text from cs_ledger e where e.container_id = c.id and e.clinic_id = c.clinic_id)`.as(
        'balance',
      ),
    )
    .select(
      sql<Date | null>`(select min(e.occurred_at) from cs_ledger e where e.container_id = c.id and e.clinic_id = c.clinic_id
        and e.corrects_entry_id is null and (e.type in ('open', 'draw') or (e.type = 'waste' and e.waste_from = 'container')))`.as(
        'opened_at',
      ),
    )
    .select(
      sql<boolean>`exists (select 1 from cs_discrepancies d where d.container_id = c.id and d.clinic_id = c.clinic_id and d.status = 'escalated')`.as(
        'quarantined',
      ),
    )
    .where('c.clinic_id', '=', clinicId);
}
export type StockRow = Awaited<ReturnType<ReturnType<typeof stockQuery>['execute']>>[number];

export function stateOf(r: StockRow): ContainerState {
  return {
    id: r.id,
    ndc: r.ndc,
    lot: r.lot,
    expiresOn: r.expires_on,
    unit: r.unit,
    locationId: r.location_id,
    balance: dec(r.balance),
    ...(r.concentration_mg_per_ml ? { concentrationMgPerMl: dec(r.concentration_mg_per_ml) } : {}),
    ...(r.opened_at ? { openedAt: new Date(r.opened_at).toISOString() } : {}),
  };
}

/** Status per the pure rules (status.ts): quarantined while a possible loss is escalated; beyond-use for opened vials. */
export function statusOf(
  r: StockRow,
  today: string,
  timeZone: string,
  settings: ControlledSettings,
): ContainerStatus {
  const beyondUse =
    r.unit === 'mL' && settings.beyondUseDays !== null
      ? { days: settings.beyondUseDays, timeZone }
      : undefined;
  return containerStatus(stateOf(r), today, {
    quarantined: Boolean(r.quarantined),
    ...(beyondUse ? { beyondUse } : {}),
  });
}

/** One container as the stock API shows it (list and receipt answers). */
export function toStockItem(
  r: StockRow,
  status: ContainerStatus,
  outstandingDraws: Array<{ id: string; patientId: string; outstanding: string; occurredAt: string }> = [],
) {
  return {
    id: r.id,
    product: productDisplay(r),
    productId: r.product_id,
    drug: r.drug,
    concentrationMgPerMl: r.concentration_mg_per_ml === null ? null : canon(r.concentration_mg_per_ml),
    ndc: r.ndc,
    lot: r.lot,
    label: r.label,
    expiresOn: r.expires_on,
    location: r.location_name,
    locationId: r.location_id,
    balance: canon(r.balance),
    unit: r.unit,
    status,
    openedAt: r.opened_at ? new Date(r.opened_at).toISOString() : null,
    outstandingDraws,
  };
}

export const todayIn = (now: Date, timeZone: string) => localDate(now, timeZone);
export { addDays };

export async function loadStockRow(db: Kysely<DB>, clinicId: string, containerId: string): Promise<StockRow> {
  const row = await stockQuery(db, clinicId).where('c.id', '=', containerId).executeTakeFirst();
  if (!row) throw notFound('container');
  return row;
}

export interface LedgerRowLike {
  id: string;
  seq: number;
  container_id: string;
  type: string;
  quantity: string | null;
  unit: string | null;
  container_delta: string;
  draw_id: string | null;
  patient_id: string | null;
  session_id: string | null;
  waste_from: string | null;
  reason: string | null;
  witness_user_id: string | null;
  witness2_user_id: string | null;
  from_location_id: string | null;
  to_location_id: string | null;
  supplier_id: string | null;
  invoice: string | null;
  corrects_entry_id: string | null;
  correction_kind: string | null;
  occurred_at: Date;
  recorded_at: Date;
  recorded_by: string;
}

export function toLedgerEntry(r: LedgerRowLike, balance: string, recordedByName?: string) {
  return {
    id: r.id,
    seq: Number(r.seq),
    containerId: r.container_id,
    type: r.type as 'draw',
    quantity: r.quantity === null ? null : canon(r.quantity),
    unit: r.unit,
    containerDelta: canon(r.container_delta),
    drawId: r.draw_id,
    patientId: r.patient_id,
    sessionId: r.session_id,
    wasteFrom: r.waste_from,
    reason: r.reason,
    witnessUserId: r.witness_user_id,
    witness2UserId: r.witness2_user_id,
    fromLocationId: r.from_location_id,
    toLocationId: r.to_location_id,
    supplierId: r.supplier_id,
    invoice: r.invoice,
    correctsEntryId: r.corrects_entry_id,
    correctionKind: r.correction_kind,
    occurredAt: new Date(r.occurred_at).toISOString(),
    recordedAt: new Date(r.recorded_at).toISOString(),
    recordedBy: r.recorded_by,
    ...(recordedByName ? { recordedByName } : {}),
    balance: canon(balance),
  };
}

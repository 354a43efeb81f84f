/**
 * The one way the server reads and writes `clinics.settings` (schema: `StoredClinicSettings` in
 * @plasticity/contracts). A read parses the stored JSON: a missing or mistyped setting is its documented
 * default. A write merges a patch into the stored object under a row lock, so settings another module
 * owns, and keys this version does not know, survive it. Inside a transaction pass `trx`.
 */
import {
  type ClinicSettingsPatch,
  mergeClinicSettings,
  parseClinicSettings,
  type StoredClinicSettings,
} from '@plasticity/contracts';
import { type DB, toJson } from '@plasticity/db';
import type { Kysely } from 'kysely';
import { notFound } from '../../platform/errors.ts';

/** The clinic's settings, every default filled in; 404 when the clinic does not exist. */
export async function readClinicSettings(db: Kysely<DB>, clinicId: string): Promise<StoredClinicSettings> {
  const row = await db.selectFrom('clinics').select('settings').where('id', '=', clinicId).executeTakeFirst();
  if (!row) throw notFound('clinic');
  return parseClinicSettings(row.settings);
}

/** Applies `patch` to the stored settings (locks the clinic row; call inside a transaction). */
export async function patchClinicSettings(
  trx: Kysely<DB>,
  clinicId: string,
  patch: ClinicSettingsPatch,
): Promise<StoredClinicSettings> {
  const row = await trx
    .selectFrom('clinics')
    .select('settings')
    .where('id', '=', clinicId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('clinic');
  const next = mergeClinicSettings(row.settings, patch);
  await trx
    .updateTable('clinics')
    .set({ settings: toJson(next) })
    .where('id', '=', clinicId)
    .execute();
  return parseClinicSettings(next);
}

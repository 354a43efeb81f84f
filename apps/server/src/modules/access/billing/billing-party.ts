/** The clinic and patient printed on the billing documents (clinic identity from clinic settings). */
import type { DB } from '@plasticity/db';
import type { Kysely } from 'kysely';
import { addressLine } from '../../clinic/clinic-settings.ts';
import type { BillingParty } from './render-billing-pdf.ts';

export async function billingParty(
  db: Kysely<DB>,
  clinicId: string,
  patientId: string,
): Promise<BillingParty> {
  const c = await db
    .selectFrom('clinics')
    .select(['name', 'address', 'phone', 'npi', 'tin'])
    .where('id', '=', clinicId)
    .executeTakeFirstOrThrow();
  const p = await db
    .selectFrom('patients')
    .select(['first_name', 'last_name', 'date_of_birth', 'address'])
    .where('clinic_id', '=', clinicId)
    .where('id', '=', patientId)
    .executeTakeFirstOrThrow();
  return {
    clinic: { name: c.name, address: addressLine(c.address), phone: c.phone ?? '', npi: c.npi, tin: c.tin },
    patient: {
      name: `${p.first_name} ${p.last_name}`,
      dateOfBirth: p.date_of_birth,
      address: p.address ? addressLine(p.address) : '',
    },
  };
}

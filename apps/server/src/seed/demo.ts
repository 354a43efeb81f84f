/**
 * Seeds the demo clinic — Fresh Start Ketamine, 811 Spring Forest Road, Suite 1400, Raleigh,
 * NC 27609 — with one login per role (password `plasticity-demo`) and a dozen fictional patients.
 * Runs once: on an empty database in demo mode. Modules add their own demo data through
 * `seedDemo` (assessment histories, stock, plans), called here in module order.
 */
import type { DB } from '@plasticity/db';
import { toJson } from '@plasticity/db';
import type { Kysely } from 'kysely';
import { hashPassword } from '../modules/auth/passwords.ts';
import type { ModuleContext, ServerModule } from '../platform/module.ts';
import { DEMO_PATIENTS } from './demo-patients.ts';

export const DEMO_PASSWORD = 'plasticity-demo';
export const DEMO_CLINIC = {
  name: 'Fresh Start Ketamine',
  address: {
    line1: '811 Spring Forest Road',
    line2: 'Suite 1400',
    city: 'Raleigh',
    state: 'NC',
    postalCode: '27609',
    country: 'US',
    phone: '919-555-0100',
  },
  timeZone: 'America/New_York',
  // Fictional identifiers that pass their check digits (555-01xx is reserved for fiction).
  phone: '919-555-0142',
  deaNumber: 'FF1234563',
  npi: '1555012347',
  tin: '56-5550142',
};
export const DEMO_USERS = [
  { email: 'admin@freshstart.example', displayName: 'Alex Admin', role: 'admin' },
  { email: 'prescriber@freshstart.example', displayName: 'Dr. Pat Prescriber', role: 'prescriber' },
  { email: 'nurse@freshstart.example', displayName: 'Nia Nurse, RN', role: 'nurse' },
  { email: 'therapist@freshstart.example', displayName: 'Theo Therapist, LCSW', role: 'therapist' },
  { email: 'frontdesk@freshstart.example', displayName: 'Frankie Front Desk', role: 'front_desk' },
] as const;
export const DEMO_PATIENT_LOGIN = 'patient@freshstart.example';

export interface DemoSeedInfo {
  clinicId: string;
  userIds: Record<string, string>;
  patientIds: Record<string, string>;
}

/** True when the database has no clinic yet. */
export async function isEmpty(db: Kysely<DB>): Promise<boolean> {
  const r = await db.selectFrom('clinics').select('id').limit(1).executeTakeFirst();
  return !r;
}

export async function seedDemo(
  ctx: ModuleContext,
  modules: readonly ServerModule[],
  onStep: (what: string) => void = () => {},
): Promise<DemoSeedInfo> {
  onStep('the clinic, its staff and patients');
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const info = await ctx.db.transaction().execute(async (trx) => {
    const clinic = await trx
      .insertInto('clinics')
      .values({
        name: DEMO_CLINIC.name,
        address: toJson(DEMO_CLINIC.address),
        time_zone: DEMO_CLINIC.timeZone,
        phone: DEMO_CLINIC.phone,
        dea_number: DEMO_CLINIC.deaNumber,
        npi: DEMO_CLINIC.npi,
        tin: DEMO_CLINIC.tin,
        demo: true,
        // The demo clinic requires MFA of no role, so every demo login works with the password alone; its
        // staff may hand patients a clinic device to answer forms and to sign consents. Its SPRAVATO REMS
        // setting certification is fictional (demo data).
        settings: toJson({
          mfaRequiredRoles: [],
          idleTimeoutMin: 15,
          absoluteLifetimeHours: 12,
          clinicDeviceSelfReport: true,
          remsSettingCertification: { certificationId: 'DEMO-HCS-1001', certifiedOn: '2024-09-16' },
          clinicDeviceConsent: true,
        }),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const userIds: Record<string, string> = {};
    for (const u of DEMO_USERS) {
      const row = await trx
        .insertInto('users')
        .values({
          email: u.email,
          display_name: u.displayName,
          password_hash: passwordHash,
          recovery_codes: toJson([]),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('memberships')
        .values({ clinic_id: clinic.id, user_id: row.id, role: u.role })
        .execute();
      userIds[u.role] = row.id;
    }
    const patientIds: Record<string, string> = {};
    let n = 0;
    for (const p of DEMO_PATIENTS) {
      n += 1;
      const row = await trx
        .insertInto('patients')
        .values({
          clinic_id: clinic.id,
          mrn: `MRN-${String(n).padStart(6, '0')}`,
          first_name: p.firstName,
          last_name: p.lastName,
          date_of_birth: p.dateOfBirth,
          sex: p.sex,
          phone: p.phone,
          email: p.email,
          address: toJson({
            line1: `${100 + n * 7} Example Lane`,
            city: p.city,
            state: 'NC',
            postalCode: '27601',
          }),
          emergency_contact: toJson({
            name: 'Sam Example',
            phone: '919-555-0199',
            relationship: 'partner',
          }),
          demo: true,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      patientIds[p.key] = row.id;
    }
    const portal = await trx
      .insertInto('users')
      .values({
        email: DEMO_PATIENT_LOGIN,
        display_name: 'Jordan',
        password_hash: passwordHash,
        recovery_codes: toJson([]),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('memberships')
      .values({
        clinic_id: clinic.id,
        user_id: portal.id,
        role: 'patient',
        patient_id: patientIds.portal as string,
      })
      .execute();
    userIds.patient = portal.id;
    return { clinicId: clinic.id, userIds, patientIds };
  });
  for (const m of modules) {
    if (!m.seedDemo) continue;
    onStep(m.name);
    await m.seedDemo(ctx, info);
  }
  return info;
}

export function demoBanner(port: number): string {
  const lines = [
    '',
    `  Demo clinic "${DEMO_CLINIC.name}" is ready at http://localhost:${port}`,
    `  Logins (password: ${DEMO_PASSWORD}):`,
    ...DEMO_USERS.map((u) => `    ${u.role.padEnd(11)} ${u.email}`),
    `    ${'patient'.padEnd(11)} ${DEMO_PATIENT_LOGIN}`,
    '  This is demo data: fictional patients, not for clinical use.',
    '',
  ];
  return lines.join('\n');
}

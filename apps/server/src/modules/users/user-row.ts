/** Reads users of one clinic with their membership, in the API's UserSummary shape. */
import type { UserSummary } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import type { Kysely } from 'kysely';

export function usersOfClinic(db: Kysely<DB>, clinicId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select([
      'u.id',
      'u.email',
      'u.display_name',
      'u.active',
      'u.mfa_enabled',
      'u.last_login_at',
      'u.password_hash',
      'm.role',
      'm.patient_id',
      'm.active as membershipActive',
    ])
    .where('m.clinic_id', '=', clinicId);
}

type Row = Awaited<ReturnType<ReturnType<typeof usersOfClinic>['executeTakeFirstOrThrow']>>;

export function toUserSummary(r: Row): UserSummary {
  return {
    id: r.id,
    email: r.email,
    displayName: r.display_name,
    role: r.role as UserSummary['role'],
    active: r.active && r.membershipActive,
    mfaEnabled: r.mfa_enabled,
    patientId: r.patient_id,
    lastLoginAt: r.last_login_at ? r.last_login_at.toISOString() : null,
    invitePending: r.password_hash === null,
  };
}

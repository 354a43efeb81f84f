/** Who may receive a custodian's psychotherapy notes: an active therapist or prescriber of the clinic, not themself. */
import type { Executor } from './note-row.ts';

export function selectSuccessors(db: Executor, clinicId: string, exceptUserId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.display_name', 'm.role'])
    .where('m.clinic_id', '=', clinicId)
    .where('m.active', '=', true)
    .where('u.active', '=', true)
    .where('m.role', 'in', ['therapist', 'prescriber'])
    .where('u.id', '<>', exceptUserId)
    .orderBy('u.display_name');
}

export const isSuccessorRole = (role: string): role is 'therapist' | 'prescriber' =>
  role === 'therapist' || role === 'prescriber';

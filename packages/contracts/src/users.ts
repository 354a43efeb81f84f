import { z } from 'zod';
import { Role, Uuid } from './common.ts';
import { RemsSettingCertification } from './rems.ts';

export const StaffRole = z.enum(['admin', 'prescriber', 'nurse', 'therapist', 'front_desk']);

export const UserSummary = z.object({
  id: Uuid,
  email: z.string(),
  displayName: z.string(),
  role: Role,
  active: z.boolean(),
  mfaEnabled: z.boolean(),
  patientId: Uuid.nullable(),
  lastLoginAt: z.string().nullable(),
  invitePending: z.boolean(),
});
export type UserSummary = z.infer<typeof UserSummary>;
export const UserList = z.object({ items: z.array(UserSummary) });

export const InviteStaffRequest = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  displayName: z.string().trim().min(1).max(200),
  role: StaffRole,
});
export const InvitePatientRequest = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()).optional(),
});
/**
 * `link` is the one-time link, shown once: only to an admin, and only when the server has no mail
 * server configured (otherwise the link goes by email to its owner alone, and `link` is null).
 */
export const OneTimeLinkShown = z
  .string()
  .nullable()
  .describe('shown once, to an admin, when no mail server is configured; null otherwise');
export const InviteResponse = z.object({ user: UserSummary, link: OneTimeLinkShown, expiresAt: z.string() });
export const PasswordResetResponse = z.object({ link: OneTimeLinkShown, expiresAt: z.string() });

export const ChangeRoleRequest = z.object({ role: StaffRole });

export const ClinicSettings = z.object({
  name: z.string().trim().min(1).max(200),
  timeZone: z.string().refine((tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'is not an IANA time zone'),
  mfaRequiredRoles: z.array(Role),
  idleTimeoutMin: z.number().int().min(1).max(240),
  absoluteLifetimeHours: z.number().int().min(1).max(72),
  /** "Hand the patient a tablet": staff may open a self-report form on a clinic device for the patient. */
  clinicDeviceSelfReport: z.boolean(),
  /** The clinic's SPRAVATO REMS healthcare-setting certification; null until recorded. */
  remsSettingCertification: RemsSettingCertification.nullable(),
});
export type ClinicSettings = z.infer<typeof ClinicSettings>;
export const UpdateClinicSettings = ClinicSettings.partial().strict();

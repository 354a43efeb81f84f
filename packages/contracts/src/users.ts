import { z } from 'zod';
import { Role, Uuid } from './common.ts';
import { RemsSettingCertification } from './rems.ts';
import { OpeningHours } from './scheduling-resources.ts';

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

/** The clinic's postal address; empty strings where not set. */
export const ClinicAddress = z
  .object({
    line1: z.string().trim().max(200),
    line2: z.string().trim().max(200),
    city: z.string().trim().max(100),
    state: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^([A-Z]{2})?$/, 'must be a two-letter state code, such as NC'),
    postalCode: z
      .string()
      .trim()
      .regex(/^(\d{5}(-\d{4})?)?$/, 'must be a ZIP code, such as 27609'),
  })
  .strict();
export type ClinicAddress = z.infer<typeof ClinicAddress>;

/** An identifier field: trimmed text, null when not set (an empty string sent is stored as null). */
const identifier = (max: number) => z.string().trim().max(max).nullable();

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
  /** Staff may hand the patient a clinic device to read and sign a consent in the clinic. */
  clinicDeviceConsent: z.boolean(),
  /** Printed on consent PDFs, the REMS form, controlled-substance reports and DEA-106. */
  address: ClinicAddress,
  /**
   * Identifiers printed on documents; null when not set. The server checks each one (DEA check digit,
   * NPI Luhn check over 80840, TIN as XX-XXXXXXX, a US phone number) and stores it normalised.
   */
  phone: identifier(40),
  deaNumber: identifier(20),
  npi: identifier(20),
  tin: identifier(20),
  /**
   * When the clinic is open, per ISO weekday (none = closed); bookings outside are flagged, not refused.
   * Always sent (the product default until the clinic sets its own); optional only for older clients.
   */
  openingHours: OpeningHours.optional(),
});
export type ClinicSettings = z.infer<typeof ClinicSettings>;
export const UpdateClinicSettings = ClinicSettings.partial().strict();

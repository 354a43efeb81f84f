import { z } from 'zod';
import { Role, Uuid } from './common.ts';

export const LoginRequest = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1).max(1024),
  totp: z
    .string()
    .regex(/^(\d{6}|[a-z0-9]{4}-[a-z0-9]{4})$/i, 'must be a 6-digit code or a recovery code')
    .optional(),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const ClinicSummary = z.object({
  id: Uuid,
  name: z.string(),
  timeZone: z.string(),
  demo: z.boolean(),
  /** Staff may open a self-report form for the patient on a clinic device (clinic setting). */
  clinicDeviceSelfReport: z.boolean(),
});

export const Me = z.object({
  id: Uuid,
  email: z.string(),
  displayName: z.string(),
  role: Role,
  clinic: ClinicSummary,
  patientId: Uuid.nullable(),
  mfaEnabled: z.boolean(),
  mfaRequired: z.boolean(),
  idleTimeoutSec: z.number().int(),
});
export type Me = z.infer<typeof Me>;

export const LoginResponse = z.object({ user: Me, csrfToken: z.string() });
export type LoginResponse = z.infer<typeof LoginResponse>;

export const MeResponse = z.object({ user: Me, csrfToken: z.string() });

/** Passwords: at least 12 characters (NIST SP 800-63B §5.1.1.2), at most 256. */
export const NewPassword = z.string().min(12, 'must be at least 12 characters').max(256);

export const AcceptInviteRequest = z.object({
  token: z.string().min(20).max(200),
  password: NewPassword,
  displayName: z.string().trim().min(1).max(200).optional(),
});

export const MfaEnrolResponse = z.object({
  secret: z.string(),
  otpauthUrl: z.string(),
  qrDataUrl: z.string(),
});
export const MfaConfirmRequest = z.object({ code: z.string().regex(/^\d{6}$/, 'must be 6 digits') });
export const MfaConfirmResponse = z.object({ recoveryCodes: z.array(z.string()) });

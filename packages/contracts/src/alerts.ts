/**
 * Clinical alerts (generic: suicide risk from measurement; vital signs and overdue vitals from dosing
 * sessions).
 */
import { z } from 'zod';
import { Uuid } from './common.ts';

export const AlertStatus = z.enum(['open', 'acknowledged']);

export const Alert = z.object({
  id: Uuid,
  patientId: Uuid,
  kind: z.string(),
  severity: z.enum(['critical', 'high', 'medium', 'low']),
  title: z.string().describe('never contains a patient name'),
  sourceType: z.string(),
  sourceId: z.string().nullable(),
  parameter: z.string().nullable(),
  value: z.string().nullable(),
  status: AlertStatus,
  assignedTo: z.array(z.string()),
  escalatedAt: z.string().nullable(),
  createdAt: z.string(),
  ackBy: z.string().nullable(),
  /** Display name of the user who acknowledged it (so a screen can say who, not an id). */
  ackByName: z.string().nullable(),
  ackAt: z.string().nullable(),
  ackNote: z.string().nullable(),
});
export type Alert = z.infer<typeof Alert>;

export const AlertListQuery = z
  .object({
    status: z.enum(['open', 'acknowledged', 'all']).default('open'),
    assignedTo: z.literal('me').optional(),
    patientId: Uuid.optional(),
  })
  .strict();
export const AlertList = z.object({ items: z.array(Alert) });

export const AckAlertRequest = z.object({ note: z.string().trim().min(1).max(2000) }).strict();

/** The patient's care team: alerts go to these users first (else to every prescriber). */
export const CareTeam = z.object({ userIds: z.array(Uuid).max(50) }).strict();

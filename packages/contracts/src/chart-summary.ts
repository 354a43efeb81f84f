/**
 * `GET /api/v1/patients/{id}/chart-summary`: what a clinician needs on opening a chart, in one read — the
 * demographics, the open alerts, the active treatment plan, the latest score of each instrument and the last
 * five dosing sessions. The chart's tabs hold the full records; this is the header's glance.
 */
import { z } from 'zod';
import { Uuid } from './common.ts';
import { Patient } from './patients.ts';
import { ProtocolDrug, ProtocolRoute } from './protocols.ts';
import { SessionStatus } from './sessions.ts';

/** How many of the latest sessions the summary holds. */
export const CHART_SUMMARY_SESSIONS = 5;
/** How many open alerts it holds at most (newest first); `openAlertCount` counts them all. */
export const CHART_SUMMARY_ALERTS = 20;

export const ChartSummary = z.object({
  patient: Patient,
  /** Every open alert of the patient, however many `openAlerts` lists. */
  openAlertCount: z.number().int(),
  openAlerts: z.array(
    z.object({
      id: Uuid,
      kind: z.string(),
      severity: z.enum(['critical', 'high', 'medium', 'low']),
      title: z.string().describe('never contains a patient name'),
      createdAt: z.string(),
    }),
  ),
  /** The newest plan in force (status active, not entered in error); null when none. */
  activePlan: z
    .object({
      id: Uuid,
      protocolName: z.string(),
      route: ProtocolRoute,
      drug: ProtocolDrug,
      plannedSessions: z.number().int(),
      activatedAt: z.string().nullable(),
    })
    .nullable(),
  /** The latest score of each instrument (scores entered in error left out), by instrument. */
  latestScores: z.array(
    z.object({
      instrument: z.string(),
      total: z.number(),
      severity: z.string().nullable(),
      administeredAt: z.string(),
    }),
  ),
  /** The last sessions by booked time, newest first. */
  recentSessions: z.array(
    z.object({
      id: Uuid,
      scheduledAt: z.string(),
      status: SessionStatus,
      chair: z.string(),
      protocolName: z.string(),
      route: z.string(),
      /** Total mg given (administrations not entered in error), a decimal string; null when none. */
      totalDoseMg: z.string().nullable(),
      dischargedAt: z.string().nullable(),
    }),
  ),
});
export type ChartSummary = z.infer<typeof ChartSummary>;

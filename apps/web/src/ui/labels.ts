/**
 * Words for the codes the API sends (indications, consent kinds, instruments, statuses, movement types,
 * audit actions and resources…): screens show these, never the codes. A code nobody listed still reads as
 * words (`not_applicable` → "Not applicable"), so a new value never shows as `snake_case`.
 */
import { CONSENT_KIND_LABELS, wordsOf } from '@plasticity/contracts';

/** `not_applicable` → "Not applicable"; `cssrs_screen` → "Cssrs screen" (list real names below). */
const humanize = (code: string): string => wordsOf(code);

const lookup =
  (table: Readonly<Record<string, string>>) =>
  (code: string | null | undefined): string =>
    code ? (table[code] ?? humanize(code)) : '—';

const INDICATION_LABELS: Readonly<Record<string, string>> = {
  trd: 'Depression (treatment-resistant)',
  mdd_with_suicidal_ideation: 'Major depression with suicidal thoughts',
  depression: 'Depression',
  anxiety: 'Anxiety',
  ptsd: 'PTSD',
  alcohol_use_disorder: 'Alcohol use disorder',
  opioid_use_disorder: 'Opioid use disorder',
};
export const indicationLabel = lookup(INDICATION_LABELS);

export const consentKindLabel = lookup(CONSENT_KIND_LABELS);

const INSTRUMENT_LABELS: Readonly<Record<string, string>> = {
  phq9: 'PHQ-9',
  gad7: 'GAD-7',
  cssrs_screen: 'C-SSRS screener',
  madrs: 'MADRS',
  audit: 'AUDIT',
  auditc: 'AUDIT-C',
  dast10: 'DAST-10',
  pcl5: 'PCL-5',
  qids_sr16: 'QIDS-SR16',
  cadss6: 'CADSS-6',
  moaas: 'MOAA/S',
  drinking_days: 'Drinking days',
};
export const instrumentLabel = lookup(INSTRUMENT_LABELS);

const DRUG_LABELS: Readonly<Record<string, string>> = {
  ketamine: 'Ketamine (racemic)',
  esketamine: 'Esketamine',
};
export const drugLabel = lookup(DRUG_LABELS);

const ROUTE_LABELS: Readonly<Record<string, string>> = {
  iv: 'IV',
  im: 'IM',
  sublingual: 'Sublingual',
  oral: 'Oral',
  intranasal: 'Intranasal',
};
export const routeLabel = lookup(ROUTE_LABELS);

const MOVEMENT_LABELS: Readonly<Record<string, string>> = {
  receipt: 'Received',
  open: 'Opened',
  draw: 'Drawn',
  administer: 'Administered',
  waste: 'Wasted',
  return: 'Returned',
  transfer: 'Transferred',
  adjust: 'Adjusted',
  destroy: 'Destroyed',
};
export const movementLabel = lookup(MOVEMENT_LABELS);

/** Statuses of plans, protocols, sessions, forms, discrepancies, messages and checklist items. */
const STATUS_LABELS: Readonly<Record<string, string>> = {
  draft: 'Draft',
  approved: 'Approved',
  active: 'Active',
  completed: 'Completed',
  stopped: 'Stopped',
  retired: 'Retired',
  final: 'Final',
  open: 'Open',
  resolved: 'Resolved',
  escalated: 'Escalated',
  acknowledged: 'Acknowledged',
  queued: 'Queued',
  sent: 'Sent',
  failed: 'Failed',
  not_sent: 'Not sent',
  done: 'Done',
  pending: 'Pending',
  not_applicable: 'Not applicable',
  sealed: 'Sealed',
  empty: 'Empty',
  expired: 'Expired',
  quarantined: 'Quarantined',
};
export const statusLabel = lookup(STATUS_LABELS);

const SEVERITY_LABELS: Readonly<Record<string, string>> = {
  absolute: 'Absolute',
  relative: 'Relative',
  caution: 'Caution',
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};
export const severityLabel = lookup(SEVERITY_LABELS);

const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
  create: 'Created',
  read: 'Viewed',
  update: 'Changed',
  delete: 'Deleted',
  query: 'Searched',
  export: 'Exported',
  print: 'Printed',
  login: 'Signed in',
  logout: 'Signed out',
};
export const auditActionLabel = lookup(AUDIT_ACTION_LABELS);

const OUTCOME_LABELS: Readonly<Record<string, string>> = { success: 'Success', failure: 'Failure' };
export const outcomeLabel = lookup(OUTCOME_LABELS);

/** Audit resource types: most read well as words; these need more than that. */
const RESOURCE_LABELS: Readonly<Record<string, string>> = {
  user_mfa: 'Two-step verification',
  user_credentials: 'Password',
  rems_form: 'REMS form',
  session_vitals: 'Vital signs',
  dosing_session: 'Dosing session',
  audit_log: 'Audit report',
  clinic_settings: 'Clinic settings',
  self_report_link: 'Form link',
  board_stream: 'Live board',
  dose_override_verification: 'Dose override verification',
  mood_checkin: 'Mood check-in',
};
export const resourceLabel = lookup(RESOURCE_LABELS);

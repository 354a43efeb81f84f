/**
 * `@plasticity/clinical/integration`: the integration care path — the integration visit window after each dosing
 * session and its worklist status. Sources: docs/clinical-sources.md#integration-window.
 */
export {
  countsForSession,
  type DueWindow,
  defaultIntegrationWindow,
  type IntegrationAppointment,
  type IntegrationAppointmentStatus,
  integrationDue,
  integrationWindowOf,
  WORKLIST_LOOKBACK_DAYS,
  WORKLIST_STATUSES,
  type WorklistEntry,
  type WorklistInput,
  type WorklistStatus,
  worklistEntry,
} from './integration/window.ts';

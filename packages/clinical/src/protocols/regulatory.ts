/**
 * Regulatory floors that clinic edits may not cross (the protocol validator and discharge logic both read them).
 *
 * Sources: SPRAVATO (esketamine) US prescribing information and SPRAVATO REMS 386 (accessdata.fda.gov;
 * spravatorems.com), as summarised in REFERENCE.md §2–3.
 */
import { SOURCES } from './sources.ts';

/** SPRAVATO label and REMS facts, as data. */
export const ESKETAMINE_LABEL = {
  /** Doses in the US label (28 mg only as a clinic option, see SOURCES.spravatoOlder). */
  allowedDosesMg: [28, 56, 84] as readonly number[],
  mgPerDevice: 28,
  minutesBetweenDevices: 5,
  /** Minimum monitoring from the first device; discharge never earlier, whatever the protocol says. */
  minMonitoringMin: 120,
  /** Required intranasal route. */
  route: 'intranasal' as const,
  source: `${SOURCES.spravatoDosing}; ${SOURCES.spravatoRems}`,
} as const;

/**
 * The search parameters each served type accepts (FHIR R4 search.html), as data: the parser accepts exactly
 * these and the CapabilityStatement lists exactly these. Anything else — an unknown parameter, a modifier, a
 * repeated result parameter, a value that does not parse — is refused with 400 naming the parameter
 * (`querystring.<name>`), never ignored, so a client never mistakes an unfiltered answer for a filtered one.
 */
import { badField } from '../../platform/errors.ts';
import type { FhirResourceType } from './access.ts';

export type SearchParamType = 'token' | 'reference' | 'date';

export interface SearchParamDef {
  name: string;
  type: SearchParamType;
  documentation: string;
}

const ID: SearchParamDef = {
  name: '_id',
  type: 'token',
  documentation: 'Logical id; several ids separated by commas',
};
const COMMON: SearchParamDef[] = [
  ID,
  {
    name: '_lastUpdated',
    type: 'date',
    documentation: 'When the record last changed (prefixes eq, ne, lt, gt, le, ge, sa, eb, ap)',
  },
];
const PATIENT: SearchParamDef = {
  name: 'patient',
  type: 'reference',
  documentation: 'The patient: an id or Patient/{id}',
};
const PATIENT_REFS: SearchParamDef[] = [
  PATIENT,
  { name: 'subject', type: 'reference', documentation: 'The patient: an id or Patient/{id}' },
];
const dateParam = (name: string, what: string): SearchParamDef => ({
  name,
  type: 'date',
  documentation: `${what} (prefixes eq, ne, lt, gt, le, ge, sa, eb, ap)`,
});

export const SEARCH_PARAMS: Readonly<Record<FhirResourceType, readonly SearchParamDef[]>> = {
  Consent: [
    ...COMMON,
    { name: 'patient', type: 'reference', documentation: 'The patient: an id or Patient/{id}' },
    {
      name: 'date',
      type: 'date',
      documentation: 'When the consent was signed or recorded (prefixes eq, ne, lt, gt, le, ge, sa, eb, ap)',
    },
    {
      name: 'status',
      type: 'token',
      documentation:
        'active, inactive or entered-in-error (consent-state-codes); several separated by commas',
    },
  ],
  Patient: COMMON,
  Observation: [
    ...COMMON,
    ...PATIENT_REFS,
    {
      name: 'code',
      type: 'token',
      documentation: 'LOINC code, as system|code or code; several separated by commas',
    },
    {
      name: 'category',
      type: 'token',
      documentation: 'vital-signs or survey (observation-category); system|code or code',
    },
    {
      name: 'date',
      type: 'date',
      documentation: 'When the observation was made (prefixes eq, ne, lt, gt, le, ge, sa, eb, ap)',
    },
    {
      name: 'status',
      type: 'token',
      documentation: 'final or entered-in-error; several separated by commas',
    },
  ],
  QuestionnaireResponse: [
    ...COMMON,
    ...PATIENT_REFS,
    {
      name: 'authored',
      type: 'date',
      documentation: 'When the answers were given (prefixes eq, ne, lt, gt, le, ge, sa, eb, ap)',
    },
    {
      name: 'status',
      type: 'token',
      documentation: 'completed or entered-in-error; several separated by commas',
    },
  ],
  Encounter: [
    ...COMMON,
    ...PATIENT_REFS,
    {
      name: 'date',
      type: 'date',
      documentation: 'When the dosing session began (prefixes eq, ne, lt, gt, le, ge, sa, eb, ap)',
    },
    {
      name: 'status',
      type: 'token',
      documentation:
        'planned, arrived, triaged, in-progress, finished or cancelled; several separated by commas',
    },
  ],
  Practitioner: [ID],
  Location: COMMON,
  Questionnaire: [
    ...COMMON,
    { name: 'status', type: 'token', documentation: 'active or retired; several separated by commas' },
  ],
  MedicationAdministration: [
    ...COMMON,
    ...PATIENT_REFS,
    dateParam('effective-time', 'When the dose was started'),
    {
      name: 'status',
      type: 'token',
      documentation: 'in-progress, completed or entered-in-error; several separated by commas',
    },
  ],
  AdverseEvent: [...COMMON, ...PATIENT_REFS, dateParam('date', 'When the event happened')],
  CarePlan: [
    ...COMMON,
    ...PATIENT_REFS,
    dateParam('date', 'When the plan took effect (period start)'),
    {
      name: 'status',
      type: 'token',
      documentation: 'draft, active, completed, revoked or entered-in-error; several separated by commas',
    },
  ],
  Flag: [
    ...COMMON,
    ...PATIENT_REFS,
    dateParam('date', 'When the alert was raised (period start)'),
    { name: 'status', type: 'token', documentation: 'active or inactive; several separated by commas' },
  ],
  Appointment: [
    ...COMMON,
    PATIENT,
    dateParam('date', 'When the appointment starts'),
    {
      name: 'status',
      type: 'token',
      documentation: 'booked, checked-in, fulfilled, cancelled or noshow; several separated by commas',
    },
  ],
  AuditEvent: [...COMMON, PATIENT, dateParam('date', 'When the event was recorded')],
  Group: COMMON,
};

/** `_include` values each type accepts (the target is always Patient). */
export const INCLUDES: Readonly<Record<FhirResourceType, readonly string[]>> = {
  Patient: [],
  Observation: ['Observation:patient', 'Observation:subject'],
  QuestionnaireResponse: [],
  Encounter: [],
  Practitioner: [],
  Location: [],
  Questionnaire: [],
  MedicationAdministration: [],
  AdverseEvent: [],
  CarePlan: [],
  Flag: [],
  Appointment: [],
  AuditEvent: [],
  Group: [],
  Consent: [],
};

export const DEFAULT_COUNT = 50;
export const MAX_COUNT = 200;

export interface ParsedSearch {
  /** Each filter parameter with its values (repeated parameters AND together; commas inside one OR). */
  filters: Map<string, string[]>;
  count: number;
  offset: number;
  include: string[];
}

const RESULT_PARAMS = new Set(['_count', '_offset', '_include', '_format']);
const JSON_FORMATS = new Set(['json', 'application/json', 'application/fhir+json']);

function nonNegativeInt(name: string, value: string): number {
  if (!/^\d{1,9}$/.test(value)) throw badField(`querystring.${name}`, 'must be a whole number of 0 or more');
  return Number(value);
}

export function parseSearch(type: FhirResourceType, query: Record<string, string | string[]>): ParsedSearch {
  const defs = new Map(SEARCH_PARAMS[type].map((d) => [d.name, d]));
  const out: ParsedSearch = { filters: new Map(), count: DEFAULT_COUNT, offset: 0, include: [] };
  for (const [name, raw] of Object.entries(query)) {
    const values = Array.isArray(raw) ? raw : [raw];
    const field = `querystring.${name}`;
    if (name.includes(':'))
      throw badField(field, `modifier :${name.split(':').slice(1).join(':')} is not supported`);
    if (RESULT_PARAMS.has(name)) {
      if (name === '_include') {
        for (const v of values) {
          if (!INCLUDES[type].includes(v))
            throw badField(
              field,
              `${v} is not supported (supported: ${INCLUDES[type].join(', ') || 'none'})`,
            );
          out.include.push(v);
        }
        continue;
      }
      const [only] = values;
      if (values.length !== 1 || only === undefined) throw badField(field, 'may be given once');
      if (name === '_count') out.count = Math.min(nonNegativeInt(name, only), MAX_COUNT);
      else if (name === '_offset') out.offset = nonNegativeInt(name, only);
      else if (!JSON_FORMATS.has(only)) throw badField(field, 'only JSON is served');
      continue;
    }
    if (!defs.has(name))
      throw badField(field, `is not a search parameter of ${type} (see /fhir/R4/metadata)`);
    if (values.some((v) => v.trim() === '')) throw badField(field, 'is empty');
    out.filters.set(name, values);
  }
  return out;
}

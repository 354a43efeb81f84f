/**
 * The kick-off request of a Bulk Data export (FHIR Bulk Data Access IG 2.0.0, "Bulk Data Kick-off Request"), checked
 * before anything is stored: `Prefer: respond-async` is required, `_type` narrows to served types, `_since` is a FHIR
 * instant, `_outputFormat` is NDJSON. Any other parameter (`_typeFilter`, `patient`, `_elements`, …) is refused
 * rather than ignored, so a client never receives more than it asked for. Each failure is 400 naming the header or
 * parameter.
 */
import { badField, forbidden } from '../../../platform/errors.ts';
import type { FhirResourceType } from '../access.ts';
import { FHIR_SOURCES } from '../sources.ts';

export type ExportLevel = 'system' | 'patient';

/**
 * The types each level exports. A Patient-level export holds the Patient compartment (FHIR R4
 * compartmentdefinition-patient.html): the patients and the served types that are about one patient.
 */
export const EXPORT_TYPES: Readonly<Record<ExportLevel, readonly FhirResourceType[]>> = {
  system: Object.keys(FHIR_SOURCES) as FhirResourceType[],
  patient: ['Patient', 'Observation', 'QuestionnaireResponse', 'Encounter', 'Consent'],
};

/** The `_outputFormat` values the IG asks servers to accept for NDJSON; the files are written as the first. */
const NDJSON_FORMATS = ['application/fhir+ndjson', 'application/ndjson', 'ndjson'] as const;

export interface ExportRequest {
  types: FhirResourceType[];
  since: Date | null;
  outputFormat: (typeof NDJSON_FORMATS)[0];
}

const PARAMETERS = new Set(['_type', '_since', '_outputFormat']);

/** A FHIR instant (R4 datatypes.html#instant): seconds required, a zone required. */
const INSTANT =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d{1,9})?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00))$/;

function one(name: string, value: string | string[] | undefined): string | undefined {
  if (Array.isArray(value)) {
    if (value.length > 1) throw badField(`querystring.${name}`, 'is given more than once');
    return value[0];
  }
  return value;
}

/** Whether the `Prefer` header asks for an asynchronous answer (RFC 7240; several preferences may be listed). */
export function prefersAsync(prefer: string | string[] | undefined): boolean {
  const values = Array.isArray(prefer) ? prefer : prefer === undefined ? [] : [prefer];
  return values.some((v) => v.split(',').some((p) => p.trim().toLowerCase() === 'respond-async'));
}

export function parseExportRequest(
  level: ExportLevel,
  prefer: string | string[] | undefined,
  query: Record<string, string | string[]>,
  mayRead: (type: FhirResourceType) => boolean,
): ExportRequest {
  if (!prefersAsync(prefer))
    throw badField('headers.prefer', 'must be respond-async: a Bulk Data export answers asynchronously');
  for (const name of Object.keys(query))
    if (!PARAMETERS.has(name))
      throw badField(
        `querystring.${name}`,
        'is not a parameter of $export here (_type, _since, _outputFormat)',
      );

  const served = EXPORT_TYPES[level];
  let types = served.filter(mayRead);
  const typeValues = query._type === undefined ? [] : [query._type].flat();
  if (typeValues.length) {
    const asked: FhirResourceType[] = [];
    for (const name of typeValues.flatMap((v) => v.split(',')).map((t) => t.trim())) {
      const type = served.find((t) => t === name);
      if (!type)
        throw badField(
          'querystring._type',
          `${name === '' ? 'an empty type' : name} is not a type this server exports at ${level} level (${served.join(', ')})`,
        );
      if (!mayRead(type)) throw forbidden(`your access does not include ${type} (_type)`);
      if (!asked.includes(type)) asked.push(type);
    }
    types = asked;
  }

  const sinceText = one('_since', query._since);
  let since: Date | null = null;
  if (sinceText !== undefined) {
    const ms = INSTANT.test(sinceText) ? Date.parse(sinceText) : Number.NaN;
    if (Number.isNaN(ms))
      throw badField(
        'querystring._since',
        'must be a FHIR instant with seconds and a zone (2026-12-01T00:00:00Z)',
      );
    since = new Date(ms);
  }

  const format = one('_outputFormat', query._outputFormat);
  if (format !== undefined && !(NDJSON_FORMATS as readonly string[]).includes(format))
    throw badField('querystring._outputFormat', `must be one of ${NDJSON_FORMATS.join(', ')}`);

  return { types, since, outputFormat: NDJSON_FORMATS[0] };
}

/**
 * Questionnaire (FHIR R4 questionnaire.html): the instruments shipped with the product (`@plasticity/clinical`
 * instruments, current and superseded versions), one resource per definition version. They live in code, not
 * in the database, so the relation is the list of definitions as SQL values and the mapper reads each
 * definition; nothing is copied.
 * - id `{instrument}-{version}` with `_` as `-` (R4 ids allow letters, digits, `-` and `.`);
 * - url the canonical `urn:plasticity:questionnaire:{instrument}` with `version`, the same the
 *   QuestionnaireResponses name (`questionnaireCanonical`), so a response resolves to the form it answers;
 * - status `active`, or `retired` for a superseded version (R4 publication-status);
 * - code and derivedFrom: the instrument's LOINC panel (`http://loinc.org`, `http://loinc.org/q/{panel}` for
 *   LOINC's own form) where it has one;
 * - item: per item `linkId` = its number (as the responses use), its published wording where the licence lets
 *   the product ship it (else its label), the item's LOINC code where verified (`loinc.items`), type
 *   `integer` (the responses answer `valueInteger`) with the printed answer values as
 *   `answerOption.valueInteger` (R4 que-5 allows options on integer items); R4 gives an integer option no
 *   label, so the printed labels are not carried.
 */
import {
  getInstrumentVersion,
  INSTRUMENTS,
  type InstrumentDefinition,
  SUPERSEDED_INSTRUMENTS,
} from '@plasticity/clinical/instruments';
import type { FhirResource } from '@plasticity/contracts';
import { sql } from 'kysely';
import { LOINC } from './codes.ts';
import type { ResourceSource, SourceRow } from './resource-source.ts';
import { statusIn } from './search-sql.ts';

const CANONICAL = 'urn:plasticity:questionnaire:';

/** The canonical (with its version) of the Questionnaire a response to this definition answers. */
export const questionnaireCanonical = (instrumentId: string, version: string): string =>
  `${CANONICAL}${instrumentId}|${version}`;

const fhirId = (def: InstrumentDefinition) => `${def.id.replaceAll('_', '-')}-${def.version}`;

const DEFINITIONS = [
  ...INSTRUMENTS.map((def) => ({ def, status: 'active' })),
  ...SUPERSEDED_INSTRUMENTS.map((def) => ({ def, status: 'retired' })),
];

interface QuestionnaireRow extends SourceRow {
  instrument_id: string;
  version: string;
  status: string;
}

function toFhirQuestionnaire(r: QuestionnaireRow): FhirResource {
  const def = getInstrumentVersion(r.instrument_id, r.version);
  if (!def) throw new Error('a Questionnaire row names no shipped definition');
  const panel = def.loinc?.panel;
  const itemCodes = def.loinc?.items ?? {};
  return {
    resourceType: 'Questionnaire',
    id: r.id,
    url: `${CANONICAL}${def.id}`,
    version: def.version,
    title: def.name,
    status: r.status,
    subjectType: ['Patient'],
    ...(panel
      ? { derivedFrom: [`http://loinc.org/q/${panel}`], code: [{ system: LOINC, code: panel }] }
      : {}),
    ...(def.instructions ? { description: def.instructions } : {}),
    copyright: def.licence,
    item: def.items.map((item) => {
      const options = item.options ?? def.options;
      const code = itemCodes[item.number];
      return {
        linkId: String(item.number),
        ...(code ? { code: [{ system: LOINC, code }] } : {}),
        prefix: String(item.number),
        text: item.text ?? item.label,
        type: 'integer',
        ...(options?.length ? { answerOption: options.map((o) => ({ valueInteger: o.value })) } : {}),
      };
    }),
  };
}

export const questionnaireSource: ResourceSource<QuestionnaireRow> = {
  type: 'Questionnaire',
  patientColumn: null,
  relation: () => sql`
    select q.id, null::timestamptz as last_updated, q.instrument_id, q.version, q.status, q.ord
      from (values ${sql.join(
        DEFINITIONS.map(
          ({ def, status }, i) =>
            sql`(${fhirId(def)}::text, ${def.id}::text, ${def.version}::text, ${status}::text, ${i}::int)`,
        ),
      )}) as q(id, instrument_id, version, status, ord)`,
  order: sql`ord, id`,
  condition: (name, value) => {
    if (name === 'status')
      return statusIn(name, value, new Set(['draft', 'active', 'retired', 'unknown']), 'publication-status');
    throw new Error(`Questionnaire has no search parameter ${name}`);
  },
  toResource: toFhirQuestionnaire,
  disclosed: (r) => ({ patientId: null, resourceType: 'instrument', category: null, id: r.id }),
  audit: { resourceType: 'instrument', category: null },
};

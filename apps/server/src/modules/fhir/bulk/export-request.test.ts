/** The Bulk Data kick-off's checks (FHIR Bulk Data Access IG 2.0.0, "Query Parameters"), at their edges. */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.ts';
import type { FhirResourceType } from '../access.ts';
import { EXPORT_TYPES, parseExportRequest, prefersAsync } from './export-request.ts';

const all = () => true;

function failure(run: () => unknown): { code: string; field: unknown } {
  try {
    run();
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, field: e.details?.[0]?.field };
    throw e;
  }
  throw new Error('expected a failure');
}

describe('Prefer: respond-async', () => {
  it.each([
    ['respond-async', true],
    ['Respond-Async', true],
    ['handling=strict, respond-async', true],
    [['return=minimal', 'respond-async'], true],
    ['respond-sync', false],
    ['respond-async-later', false],
    ['', false],
    [undefined, false],
  ])('%j → %s', (prefer, ok) => {
    expect(prefersAsync(prefer)).toBe(ok);
  });

  it('is required: 400 naming the header', () => {
    expect(failure(() => parseExportRequest('system', undefined, {}, all))).toEqual({
      code: 'validation_failed',
      field: 'headers.prefer',
    });
  });
});

describe('_type', () => {
  it('defaults to every type of the level the caller may read', () => {
    expect(parseExportRequest('system', 'respond-async', {}, all).types).toEqual(EXPORT_TYPES.system);
    expect(parseExportRequest('patient', 'respond-async', {}, all).types).toEqual([
      'Patient',
      'Observation',
      'QuestionnaireResponse',
      'Encounter',
      'MedicationAdministration',
      'AdverseEvent',
      'CarePlan',
      'Flag',
      'Appointment',
      'AuditEvent',
      'Consent',
    ]);
    const onlyPatients = (t: FhirResourceType) => t === 'Patient';
    expect(parseExportRequest('system', 'respond-async', {}, onlyPatients).types).toEqual(['Patient']);
  });

  it.each([
    ['Observation', ['Observation']],
    ['Observation,Patient', ['Observation', 'Patient']],
    [
      ['Patient', 'Observation,Patient'],
      ['Patient', 'Observation'],
    ],
  ])('narrows to %j', (value, types) => {
    expect(parseExportRequest('system', 'respond-async', { _type: value }, all).types).toEqual(types);
  });

  it.each([
    ['system', 'MedicationRequest'],
    ['system', 'observation'],
    ['system', 'Patient,'],
    ['patient', 'Practitioner'],
    ['patient', 'Location'],
    ['patient', 'Questionnaire'],
    ['patient', 'Group'],
  ] as const)('at %s level refuses %s naming querystring._type', (level, value) => {
    expect(failure(() => parseExportRequest(level, 'respond-async', { _type: value }, all))).toEqual({
      code: 'validation_failed',
      field: 'querystring._type',
    });
  });

  it('refuses a type the caller may not read (403)', () => {
    const notObservations = (t: FhirResourceType) => t !== 'Observation';
    expect(
      failure(() => parseExportRequest('system', 'respond-async', { _type: 'Observation' }, notObservations))
        .code,
    ).toBe('forbidden');
  });
});

describe('_since', () => {
  it.each([
    ['2026-12-01T00:00:00Z', '2026-12-01T00:00:00.000Z'],
    ['2026-12-01T00:00:00.123Z', '2026-12-01T00:00:00.123Z'],
    ['2026-12-01T01:00:00+01:00', '2026-12-01T00:00:00.000Z'],
    ['2026-11-30T19:00:00-05:00', '2026-12-01T00:00:00.000Z'],
  ])('reads %s as an instant', (value, iso) => {
    expect(parseExportRequest('system', 'respond-async', { _since: value }, all).since?.toISOString()).toBe(
      iso,
    );
  });

  it.each([
    '2026-12-01',
    '2026-12-01T00:00Z',
    '2026-12-01T00:00:00',
    '2026-13-01T00:00:00Z',
    '2026-12-01T24:00:00Z',
    'yesterday',
  ])('refuses %s naming querystring._since', (value) => {
    expect(failure(() => parseExportRequest('system', 'respond-async', { _since: value }, all)).field).toBe(
      'querystring._since',
    );
  });

  it('refuses it given twice', () => {
    const twice = { _since: ['2026-12-01T00:00:00Z', '2026-12-02T00:00:00Z'] };
    expect(failure(() => parseExportRequest('system', 'respond-async', twice, all)).field).toBe(
      'querystring._since',
    );
  });
});

describe('_outputFormat and other parameters', () => {
  it.each(['application/fhir+ndjson', 'application/ndjson', 'ndjson'])('accepts %s', (format) => {
    expect(parseExportRequest('system', 'respond-async', { _outputFormat: format }, all).outputFormat).toBe(
      'application/fhir+ndjson',
    );
  });

  it.each(['application/fhir+json', 'text/csv', 'NDJSON'])('refuses %s', (format) => {
    expect(
      failure(() => parseExportRequest('system', 'respond-async', { _outputFormat: format }, all)).field,
    ).toBe('querystring._outputFormat');
  });

  it.each(['_typeFilter', 'patient', '_elements', 'includeAssociatedData'])('refuses %s', (name) => {
    expect(failure(() => parseExportRequest('system', 'respond-async', { [name]: 'x' }, all)).field).toBe(
      `querystring.${name}`,
    );
  });
});

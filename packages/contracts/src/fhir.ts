/**
 * API shapes of the FHIR R4 interface (`/fhir/R4`). FHIR resources are defined by the FHIR R4 specification
 * (hl7.org/fhir/R4), not here: these schemas check the envelope every answer has (a `resourceType`, a Bundle's
 * type and entries, an OperationOutcome's issues) and keep every other element as the mapper built it. Whether
 * a resource is valid R4 is tested with a FHIR validator against the base StructureDefinitions.
 */
import { z } from 'zod';

/** Any FHIR resource: `resourceType` and, for a stored one, its logical id (FHIR R4 §2.6.2, id datatype). */
export const FhirResource = z.looseObject({
  resourceType: z.string().min(1),
  id: z
    .string()
    .regex(/^[A-Za-z0-9\-.]{1,64}$/)
    .optional(),
});
export type FhirResource = z.infer<typeof FhirResource>;

/** A searchset Bundle (FHIR R4 Bundle; search results, hl7.org/fhir/R4/search.html#bundle). */
export const FhirSearchBundle = z.looseObject({
  resourceType: z.literal('Bundle'),
  type: z.literal('searchset'),
  total: z.number().int().min(0),
  link: z.array(z.object({ relation: z.string(), url: z.string() })),
  entry: z.array(
    z.object({
      fullUrl: z.string(),
      resource: FhirResource,
      search: z.object({ mode: z.enum(['match', 'include', 'outcome']) }),
    }),
  ),
});
export type FhirSearchBundle = z.infer<typeof FhirSearchBundle>;

/** OperationOutcome (FHIR R4): every error under /fhir/R4 answers one. */
export const FhirOperationOutcome = z.looseObject({
  resourceType: z.literal('OperationOutcome'),
  issue: z
    .array(
      z.object({
        severity: z.enum(['fatal', 'error', 'warning', 'information']),
        code: z.string(),
        diagnostics: z.string().optional(),
        expression: z.array(z.string()).optional(),
      }),
    )
    .min(1),
});
export type FhirOperationOutcome = z.infer<typeof FhirOperationOutcome>;

/** A read's path: the logical id is checked by the route (an id that cannot exist is 404, not 400). */
export const FhirIdParams = z.object({ id: z.string() });

/** Search parameters arrive as the query string; each is checked by the search parser, naming it. */
export const FhirSearchQuery = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

/**
 * The manifest of a finished Bulk Data export (FHIR Bulk Data Access IG 2.0.0, "Response - Complete Status"):
 * the kick-off's time and URL, one entry per NDJSON file with its type and resource count, and errors (none are
 * written: a failed export answers an OperationOutcome instead).
 */
export const FhirBulkManifest = z.object({
  transactionTime: z.string(),
  request: z.string(),
  requiresAccessToken: z.literal(true),
  output: z.array(z.object({ type: z.string(), url: z.string(), count: z.number().int().min(0) })),
  error: z.array(z.object({ type: z.string(), url: z.string() })),
  /**
   * Bulk Data Access IG 2.0.0 reserves `extension` (a JSON object) for servers: here the notice of 42 CFR 2.32
   * with each consent's explanation, when files hold Part 2 records (docs/fhir.md#42-cfr-part-2).
   */
  extension: z
    .object({
      part2DisclosureNotice: z.object({
        notice: z.string(),
        consents: z.array(z.object({ consent: z.string(), explanation: z.string() })),
      }),
    })
    .optional(),
});
export type FhirBulkManifest = z.infer<typeof FhirBulkManifest>;

/** A Bulk Data export's polling URL: an id that names no job of the caller is 404, not 400. */
export const FhirBulkJobParams = z.object({ jobId: z.string() });

/** A file of a Bulk Data export, as the manifest names it. */
export const FhirBulkFileParams = z.object({ jobId: z.string(), file: z.string() });

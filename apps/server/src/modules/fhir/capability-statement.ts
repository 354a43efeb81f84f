/**
 * GET /fhir/R4/metadata — the server's CapabilityStatement (FHIR R4 4.0.1, capabilitystatement.html): public,
 * as the spec expects clients to read it before they authenticate; it holds no patient data. Built from the
 * same tables the routes and the search parser use (access.ts, search-params.ts), so it lists exactly the
 * resource types, interactions, search parameters and includes served. `rest.security` names the SMART service
 * (R4 restful-security-service `SMART-on-FHIR`) and the token endpoint in the `oauth-uris` extension, as SMART
 * App Launch 2.x (conformance.html) still allows beside `/.well-known/smart-configuration`. Bulk Data export is
 * declared as the FHIR Bulk Data Access IG 2.0.0 asks: the IG's CapabilityStatement in `instantiates`, the
 * system-level `export` operation on `rest`, `patient-export` on Patient and `group-export` on Group, each by the
 * IG's OperationDefinition canonical.
 */
import { FhirResource } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { allow } from '../../platform/policy.ts';
import { FHIR_READERS, type FhirResourceType } from './access.ts';
import { fhirBase } from './bundle.ts';
import { TOKEN_PATH } from './clients/client-store.ts';
import { INCLUDES, SEARCH_PARAMS } from './search-params.ts';

/** Canonicals of the FHIR Bulk Data Access IG (hl7.org/fhir/uv/bulkdata, 2.0.0). */
const BULK_DATA = 'http://hl7.org/fhir/uv/bulkdata';

/** When the capabilities below last changed (CapabilityStatement.date is required). */
const CAPABILITIES_CHANGED = '2026-12-07';

/** The type-level export operations: Patient and Group (the IG's patient-export and group-export). */
const TYPE_EXPORTS = {
  Patient: `${BULK_DATA}/OperationDefinition/patient-export`,
  Group: `${BULK_DATA}/OperationDefinition/group-export`,
} as const;

const PROFILE: Record<FhirResourceType, string> = {
  Patient: 'http://hl7.org/fhir/StructureDefinition/Patient',
  Observation: 'http://hl7.org/fhir/StructureDefinition/Observation',
  QuestionnaireResponse: 'http://hl7.org/fhir/StructureDefinition/QuestionnaireResponse',
  Encounter: 'http://hl7.org/fhir/StructureDefinition/Encounter',
  Consent: 'http://hl7.org/fhir/StructureDefinition/Consent',
  Practitioner: 'http://hl7.org/fhir/StructureDefinition/Practitioner',
  Location: 'http://hl7.org/fhir/StructureDefinition/Location',
  Questionnaire: 'http://hl7.org/fhir/StructureDefinition/Questionnaire',
  MedicationAdministration: 'http://hl7.org/fhir/StructureDefinition/MedicationAdministration',
  AdverseEvent: 'http://hl7.org/fhir/StructureDefinition/AdverseEvent',
  CarePlan: 'http://hl7.org/fhir/StructureDefinition/CarePlan',
  Flag: 'http://hl7.org/fhir/StructureDefinition/Flag',
  Appointment: 'http://hl7.org/fhir/StructureDefinition/Appointment',
  AuditEvent: 'http://hl7.org/fhir/StructureDefinition/AuditEvent',
  Group: 'http://hl7.org/fhir/StructureDefinition/Group',
};

export function capabilityStatement(base: string): FhirResource {
  const types = Object.keys(FHIR_READERS) as FhirResourceType[];
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: CAPABILITIES_CHANGED,
    publisher: 'Plasticity',
    kind: 'instance',
    instantiates: [`${BULK_DATA}/CapabilityStatement/bulk-data`],
    software: { name: 'Plasticity' },
    implementation: { description: 'Plasticity FHIR R4 read, search and Bulk Data export', url: base },
    fhirVersion: '4.0.1',
    format: ['json'],
    rest: [
      {
        mode: 'server',
        security: {
          extension: [
            {
              url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
              extension: [{ url: 'token', valueUri: `${base}${TOKEN_PATH}` }],
            },
          ],
          cors: false,
          service: [
            {
              coding: [
                {
                  system: 'http://terminology.hl7.org/CodeSystem/restful-security-service',
                  code: 'SMART-on-FHIR',
                },
              ],
            },
          ],
          description:
            'A staff session (the sign-in cookie): each type is readable by the roles that read the same data in the app. ' +
            'Or a system client (SMART Backend Services, client credentials with a signed JWT assertion): a bearer token ' +
            'from the token endpoint reads the types its system scopes cover. Bulk Data export ($export, NDJSON) is for ' +
            'the admin.',
        },
        resource: types.map((type) => ({
          type,
          profile: PROFILE[type],
          interaction: [{ code: 'read' }, { code: 'search-type' }],
          ...(INCLUDES[type].length ? { searchInclude: [...INCLUDES[type]] } : {}),
          ...(type in TYPE_EXPORTS
            ? { operation: [{ name: 'export', definition: TYPE_EXPORTS[type as keyof typeof TYPE_EXPORTS] }] }
            : {}),
          searchParam: SEARCH_PARAMS[type].map((p) => ({
            name: p.name,
            type: p.type,
            documentation: p.documentation,
          })),
        })),
        operation: [{ name: 'export', definition: `${BULK_DATA}/OperationDefinition/export` }],
      },
    ],
  };
}

export function capabilityStatementRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/metadata',
    {
      config: {
        policy: allow.public('the CapabilityStatement: what the FHIR interface serves; no patient data'),
      },
      schema: { response: { 200: FhirResource }, tags: ['fhir'] },
    },
    async (req) => capabilityStatement(fhirBase(req, ctx.config)),
  );
}

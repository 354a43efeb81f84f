/**
 * Every resource type the FHIR interface serves, with the source that maps it from the record. Read and search
 * (resource-routes.ts) and Bulk Data export (bulk/) serve each type from this one table, so an export holds
 * exactly what a search would answer, built by the same mapper.
 */
import type { FhirResourceType } from './access.ts';
import { adverseEventSource } from './adverse-event-source.ts';
import { appointmentSource } from './appointment-source.ts';
import { auditEventSource } from './audit-event-source.ts';
import { carePlanSource } from './care-plan-source.ts';
import { consentSource } from './consent-source.ts';
import { encounterSource } from './encounter-source.ts';
import { flagSource } from './flag-source.ts';
import { groupSource } from './group-source.ts';
import { locationSource } from './location-source.ts';
import { medicationAdministrationSource } from './medication-administration-source.ts';
import { observationSource } from './observation-source.ts';
import { patientSource } from './patient-resource.ts';
import { practitionerSource } from './practitioner-source.ts';
import { questionnaireResponseSource } from './questionnaire-response-source.ts';
import { questionnaireSource } from './questionnaire-source.ts';
import type { ResourceSource, SourceRow } from './resource-source.ts';

export const FHIR_SOURCES: Readonly<Record<FhirResourceType, ResourceSource<SourceRow>>> = {
  Patient: patientSource,
  Observation: observationSource,
  QuestionnaireResponse: questionnaireResponseSource,
  Encounter: encounterSource,
  Practitioner: practitionerSource,
  Location: locationSource,
  Questionnaire: questionnaireSource,
  MedicationAdministration: medicationAdministrationSource,
  AdverseEvent: adverseEventSource,
  CarePlan: carePlanSource,
  Flag: flagSource,
  Appointment: appointmentSource,
  AuditEvent: auditEventSource,
  Group: groupSource,
  Consent: consentSource,
};

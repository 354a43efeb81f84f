/**
 * Codes of the drugs and routes a dosing session gives (MedicationAdministration, docs/fhir.md), each with its
 * source.
 *
 * - RxNorm, `http://www.nlm.nih.gov/research/umls/rxnorm` (FHIR R4 terminologies: rxnorm.html). Ketamine's
 *   ingredient concept (TTY IN) is RxCUI 6130 (NLM RxNav, rxnav.nlm.nih.gov, concept 6130 "ketamine").
 *   Esketamine's ingredient RxCUI could not be confirmed from a primary NLM source when this was written (a
 *   third-party re-publication of RxNorm, ndclist.com, lists only the dose-form concepts 2201623 "esketamine
 *   Nasal Spray" (SCDF) and 2201625 "[Spravato]" (SBDF), not the ingredient), so an esketamine dose carries the
 *   drug's name as text and no RxNorm coding rather than a guessed code.
 * - SNOMED CT, `http://snomed.info/sct`, route codes from the R4 value set route-codes
 *   (hl7.org/fhir/R4/valueset-route-codes.html, descendants of 284009009 "Route of administration values"):
 *   47625008 Intravenous route, 78421000 Intramuscular route, 37839007 Sublingual route, 26643006 Oral route,
 *   46713006 Nasal route.
 * - UCUM, `http://unitsofmeasure.org`: `mg` for the dose, `mL/h` for an infusion's rate.
 */
import type { Drug, Route } from '@plasticity/clinical/protocols';

export const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
export const SNOMED = 'http://snomed.info/sct';

/** The medication of a dose: its RxNorm ingredient where confirmed, and its name. */
export const DRUG_CODES: Readonly<
  Record<Drug, { text: string; rxnorm: { code: string; display: string } | null }>
> = {
  ketamine: { text: 'Ketamine', rxnorm: { code: '6130', display: 'ketamine' } },
  // Not confirmed from a primary source (see above): no coding.
  esketamine: { text: 'Esketamine', rxnorm: null },
};

/** SNOMED CT route of each route a protocol gives a dose by (R4 route-codes). */
export const ROUTE_CODES: Readonly<Record<Route, { code: string; display: string }>> = {
  iv: { code: '47625008', display: 'Intravenous route' },
  im: { code: '78421000', display: 'Intramuscular route' },
  sublingual: { code: '37839007', display: 'Sublingual route' },
  oral: { code: '26643006', display: 'Oral route' },
  intranasal: { code: '46713006', display: 'Nasal route' },
};

/** The medication as a CodeableConcept. */
export function medicationConcept(drug: string) {
  const d = DRUG_CODES[drug as Drug];
  if (!d) return { text: drug };
  return {
    ...(d.rxnorm ? { coding: [{ system: RXNORM, ...d.rxnorm }] } : {}),
    text: d.text,
  };
}

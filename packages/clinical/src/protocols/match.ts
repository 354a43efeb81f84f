/**
 * Does a record made for one drug and route (a treatment plan, an eligibility decision, a consent) fit a
 * session of another? A dosing session may only rely on records made for its own drug and route: an IV
 * racemic-ketamine plan does not approve intranasal esketamine, and the off-label ketamine consent does not
 * cover the SPRAVATO REMS enrolment.
 *
 * Sources: SPRAVATO (esketamine) US prescribing information (intranasal only, under the REMS) and the
 * SPRAVATO REMS (FDA REMS 386: every patient enrolled before the first dose); ASKP3 "basics" and the APA
 * consensus statement (Sanacora et al., JAMA Psychiatry 2017): off-label racemic ketamine needs its own
 * informed consent and pre-treatment evaluation.
 */
import type { ConsentKey, Drug, Route } from './types.ts';

export interface DrugRoute {
  drug: Drug | string;
  route: Route | string;
}

export const ROUTE_LABEL: Record<Route, string> = {
  iv: 'IV',
  im: 'IM',
  sublingual: 'sublingual',
  oral: 'oral',
  intranasal: 'intranasal',
};

export const DRUG_LABEL: Record<Drug, string> = { ketamine: 'ketamine', esketamine: 'esketamine' };

/** "IV ketamine", "intranasal esketamine". */
export function drugRouteLabel(x: DrugRoute): string {
  const route = ROUTE_LABEL[x.route as Route] ?? 'unknown-route';
  const drug = DRUG_LABEL[x.drug as Drug] ?? 'unknown drug';
  return `${route} ${drug}`;
}

export const sameDrugRoute = (a: DrugRoute, b: DrugRoute): boolean =>
  a.drug === b.drug && a.route === b.route;

/**
 * Why a record does not fit the session (or plan), in words, or null when it does:
 * "the approved plan is for IV ketamine; this session is intranasal esketamine".
 */
export function drugRouteMismatch(
  what: string,
  record: DrugRoute,
  session: DrugRoute,
  subject = 'this session is',
): string | null {
  return sameDrugRoute(record, session)
    ? null
    : `${what} is for ${drugRouteLabel(record)}; ${subject} ${drugRouteLabel(session)}`;
}

/** Consent documents as staff see them (labels, never the stored codes). */
export const CONSENT_LABEL: Record<ConsentKey, string> = {
  off_label_ketamine: 'off-label ketamine consent',
  kap: 'ketamine-assisted psychotherapy consent',
  esketamine_rems: 'esketamine (SPRAVATO REMS) consent',
  telehealth: 'telehealth consent',
  financial: 'financial consent',
};

export const consentLabel = (k: string): string => CONSENT_LABEL[k as ConsentKey] ?? 'unknown consent';

/**
 * Which drugs each consent covers (null: any drug). The off-label and KAP consents describe racemic
 * ketamine; the REMS consent describes intranasal esketamine only.
 */
export const CONSENT_SCOPE: Record<ConsentKey, { drug: Drug; routes?: Route[] } | null> = {
  off_label_ketamine: { drug: 'ketamine' },
  kap: { drug: 'ketamine' },
  esketamine_rems: { drug: 'esketamine', routes: ['intranasal'] },
  telehealth: null,
  financial: null,
};

/** The consent a drug always needs, whatever a clinic's protocol lists. */
export const DRUG_CONSENT: Record<Drug, ConsentKey> = {
  ketamine: 'off_label_ketamine',
  esketamine: 'esketamine_rems',
};

export function consentCovers(kind: string, session: DrugRoute): boolean {
  const scope = CONSENT_SCOPE[kind as ConsentKey];
  if (scope === undefined) return false;
  if (scope === null) return true;
  return scope.drug === session.drug && (!scope.routes || scope.routes.includes(session.route as Route));
}

export interface ConsentCheck {
  ok: boolean;
  /** Consents the session needs and the patient has not signed (current, not withdrawn). */
  missing: ConsentKey[];
  /** Consents required by the protocol that do not cover the session's drug and route. */
  notCovering: ConsentKey[];
  message: string;
}

/**
 * Are the consents a session needs signed? Needed: the protocol's list plus the drug's own consent; a listed
 * consent that does not cover the session's drug and route cannot count. Signed consents for another drug
 * are named in the message so staff see why they do not count.
 */
export function checkConsents(
  required: readonly string[],
  signed: readonly string[],
  session: DrugRoute,
): ConsentCheck {
  const drugConsent = DRUG_CONSENT[session.drug as Drug];
  const wanted = [...new Set([...(drugConsent ? [drugConsent] : []), ...required])] as ConsentKey[];
  const notCovering = wanted.filter((k) => !consentCovers(k, session));
  const have = new Set(signed);
  const missing = wanted.filter((k) => consentCovers(k, session) && !have.has(k));
  const otherDrug = [...have].filter((k) => k in CONSENT_SCOPE && !consentCovers(k, session));
  const parts: string[] = [];
  if (notCovering.length)
    parts.push(
      `the protocol asks for the ${notCovering.map(consentLabel).join(', ')}, which does not cover ${drugRouteLabel(session)}`,
    );
  if (missing.length) {
    const why = otherDrug.length
      ? ` (the signed ${otherDrug.map(consentLabel).join(', ')} is for ${otherDrug
          .map((k) => DRUG_LABEL[(CONSENT_SCOPE[k as ConsentKey] as { drug: Drug }).drug])
          .filter((v, i, a) => a.indexOf(v) === i)
          .join(', ')}; this session is ${drugRouteLabel(session)})`
      : '';
    parts.push(`not signed: ${missing.map(consentLabel).join(', ')}${why}`);
  }
  return parts.length
    ? { ok: false, missing, notCovering, message: parts.join('; ') }
    : { ok: true, missing, notCovering, message: 'required consents signed' };
}

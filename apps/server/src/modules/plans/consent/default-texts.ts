/**
 * Default consent documents seeded for every clinic: TEMPLATES for the clinic's medical director to adapt
 * before use (each text says so). Content follows the ASKP3 "basics" (off-label use needs informed consent),
 * the APA consensus statement (Sanacora et al., JAMA Psychiatry 2017: risks of dissociation, blood-pressure
 * rise, misuse), the SPRAVATO US label and REMS 386 (2-hour monitoring, no driving until the next day after
 * restful sleep, enrolment of every patient) — docs/clinical-sources.md#default-protocols and
 * docs/clinical-sources.md#spravato-rems-requirements.
 */
import type { ConsentKey } from '@plasticity/clinical/protocols';

const TEMPLATE_NOTE =
  'TEMPLATE — to be reviewed and adapted by the clinic\u2019s medical director before use. This text is a ' +
  'plain-language starting point, not legal advice.';

export interface ConsentTemplate {
  kind: ConsentKey;
  title: string;
  body: string;
}

const join = (...paras: string[]) => [TEMPLATE_NOTE, ...paras].join('\n\n');

export const DEFAULT_CONSENTS: readonly ConsentTemplate[] = [
  {
    kind: 'off_label_ketamine',
    title: 'Consent to off-label ketamine treatment',
    body: join(
      'What this treatment is. Ketamine is approved by the US Food and Drug Administration as an anesthetic. Using it to treat depression, anxiety, PTSD or other conditions is "off-label": doctors may prescribe it this way, but the FDA has not approved it for these uses.',
      'What to expect. You will receive ketamine in our clinic (by infusion into a vein, by injection into a muscle, or by mouth), at a dose your prescriber chooses from your weight and history. We check your blood pressure, heart rate and oxygen level before, during and after the dose. You will stay until you are alert, steady on your feet and your vital signs are close to where they started.',
      'Possible effects. Common: feeling detached or dreamlike (dissociation), dizziness, nausea, blurred vision, a temporary rise in blood pressure and heart rate, tiredness. Less common: anxiety or confusion during the session, headache, vomiting. Rare but serious: breathing problems, severe blood pressure rise, bladder problems with frequent long-term use, misuse or dependence.',
      'Benefits and alternatives. Many people with treatment-resistant depression improve, often within days, but some do not and improvement may not last. Alternatives include other medicines, psychotherapy, esketamine nasal spray, transcranial magnetic stimulation and electroconvulsive therapy.',
      'Your safety. Do not drive, operate machinery or make important decisions until the next day after a restful sleep. An adult must take you home. Tell us about every medicine, supplement, alcohol or drug you take, and if you are or may be pregnant.',
      'Your choice. You may ask questions at any time, decline treatment, or withdraw this consent at any time without affecting your other care.',
    ),
  },
  {
    kind: 'kap',
    title: 'Consent to ketamine-assisted psychotherapy (KAP)',
    body: join(
      'What KAP is. Ketamine-assisted psychotherapy combines a dose of ketamine (usually a lozenge held under the tongue, or by mouth) with preparation, support during the session and integration sessions with a therapist. Ketamine is used off-label for this purpose.',
      'During sessions. You will be monitored by clinical staff. Your therapist may talk with you before, during and after the dosing period. Physical touch is never part of treatment without your explicit permission, which you may withdraw at any time.',
      'Possible effects. Dissociation, changes in perception, emotional release, nausea, dizziness, raised blood pressure. Difficult memories or feelings may come up; your therapist will help you work with them.',
      'Your safety. No driving until the next day after a restful sleep; an adult takes you home. You may stop a session or withdraw from treatment at any time.',
    ),
  },
  {
    kind: 'esketamine_rems',
    title: 'Esketamine (SPRAVATO\u00ae) REMS patient enrollment',
    body: join(
      'Why enrollment is needed. SPRAVATO (esketamine nasal spray) can only be given under a US FDA safety program called a REMS. Every patient must be enrolled before the first dose, and the clinic reports information about each session to the programme.',
      'What to expect. You will use the nasal spray yourself under supervision in the clinic. You must stay at the clinic for at least 2 hours after the dose, with your blood pressure checked and your oxygen level monitored, until a healthcare provider decides you can leave.',
      'Possible effects. Sedation, dissociation, dizziness, nausea, increased blood pressure and, rarely, slowed breathing. There is a risk of misuse.',
      'Your safety. Do not drive or operate machinery until the next day after a restful sleep. Arrange for someone to take you home.',
      'Information sharing. Your enrollment and session information are shared with the SPRAVATO REMS as the program requires.',
    ),
  },
  {
    kind: 'telehealth',
    title: 'Consent to telehealth visits',
    body: join(
      'Some visits (for example follow-up, therapy or integration sessions) may take place by secure video. Ketamine is never taken at home during a telehealth visit unless your prescriber has prescribed an at-home protocol.',
      'Telehealth has limits: a physical examination is not possible, and a technical failure may interrupt a visit. If that happens we will call you back. In an emergency call 911 or 988.',
      'We use a secure service. You should take the visit in a private place. You may choose an in-person visit instead at any time.',
    ),
  },
  {
    kind: 'financial',
    title: 'Financial policy',
    body: join(
      'Off-label ketamine treatment is often not covered by insurance. You are responsible for the fees listed on the clinic\u2019s fee schedule, which we give you before treatment starts. We will give you an itemised receipt (superbill) you may submit to your insurer.',
      'Missed appointments or cancellations with less than 24 hours\u2019 notice may be charged as stated in the fee schedule.',
      'Please ask us about costs at any time before you agree to treatment.',
    ),
  },
];

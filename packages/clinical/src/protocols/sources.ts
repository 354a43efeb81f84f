/**
 * Citation strings for every clinical default in `@plasticity/clinical`.
 *
 * Each default value in the protocol, eligibility and monitoring data carries one of these in its `source`
 * field, so a clinic (and an auditor) can see where a number came from. The strings summarise
 * /work/shared/clinical/REFERENCE.md sections 2 and 3, which lists the primary sources:
 * - Psychiatric Times, "Learning to use psychedelic agents" (IV 0.5 mg/kg over 40 min, 2–3/week, 6 infusions)
 * - Andrade C. 2017, ketamine dosing in depression (studied range 0.1–0.75 mg/kg)
 * - ASKP3 "basics" (0.5–1 mg/kg over 40–60 min; history and physical, off-label consent, monitored vitals)
 * - Sanacora G. et al., APA consensus statement, JAMA Psychiatry 2017 (pre-treatment evaluation)
 * - NCT05468047 (IM ketamine 0.5–0.75 mg/kg, max 60 mg)
 * - SPRAVATO (esketamine) US prescribing information and REMS 386 (accessdata.fda.gov; spravatorems.com)
 * - Yip 2022 (PMC9556663) on blood-pressure rules; resetketamine.com and betterucare.com safety lists
 *
 * Values marked UNVERIFIED have no primary source in REFERENCE.md: they are Plasticity defaults that a clinic's
 * medical director must confirm or change.
 */

/** Free-text citations, keyed by what they support. Strings only: they are copied into data as `source`. */
export const SOURCES = {
  ivTrd:
    'Psychiatric Times, "Learning to use psychedelic agents": IV racemic ketamine 0.5 mg/kg over 40 min, ' +
    '2–3 times a week, 6 infusions (REFERENCE.md §2)',
  ivStudiedRange: 'Andrade 2017: studied IV range 0.1–0.75 mg/kg (REFERENCE.md §2)',
  askp3:
    'ASKP3 "basics": start 0.5–1 mg/kg over 40–60 min; history and physical, off-label consent, ' +
    'monitored vitals (REFERENCE.md §2)',
  ivCeiling:
    'UNVERIFIED Plasticity hard ceiling (2.0 mg/kg, twice the ASKP3 upper starting dose and below the ' +
    'anaesthetic induction range); medical director to confirm',
  apaConsensus:
    'Sanacora et al., APA consensus statement on ketamine for mood disorders, JAMA Psychiatry 2017: ' +
    'pre-treatment evaluation of diagnosis, substance use and psychosis history, baseline severity, prior ' +
    'treatments, medical review (REFERENCE.md §2)',
  imTrial: 'NCT05468047: IM ketamine 0.5–0.75 mg/kg, maximum 60 mg (REFERENCE.md §2)',
  imPractice: 'Depression practice IM ~0.5–1 mg/kg (REFERENCE.md §2, UNVERIFIED)',
  kapSublingual: 'KAP practice: sublingual lozenges 100–400 mg, ~20–25 % bioavailable (REFERENCE.md §2)',
  kapOral: 'KAP practice: oral ketamine 25–300 mg, ~20–25 % bioavailable (REFERENCE.md §2)',
  spravatoDosing:
    'SPRAVATO US label: adults with TRD, weeks 1–4 56 mg day 1 then 56 or 84 mg twice weekly; weeks 5–8 ' +
    '56 or 84 mg weekly; week 9 on weekly or every 2 weeks; 28 mg per device, 5 min between devices ' +
    '(REFERENCE.md §2)',
  spravatoMonitoring:
    'SPRAVATO US label (boxed warning) and REMS 386: monitor at least 2 hours with pulse oximetry; BP before ' +
    'dosing and ~40 min after (REFERENCE.md §2–3)',
  spravatoBp:
    'SPRAVATO US label: baseline BP > 140 systolic or > 90 diastolic, weigh the short-term rise against ' +
    'benefit; a prescriber decision, not an automatic hold (REFERENCE.md §2)',
  spravatoContraindications:
    'SPRAVATO US label contraindications: aneurysmal vascular disease, arteriovenous malformation, history ' +
    'of intracerebral haemorrhage, hypersensitivity (REFERENCE.md §2)',
  spravatoRems:
    'SPRAVATO REMS 386: certified setting, patient enrolled before first dose, Patient Monitoring Form ' +
    'after every session, monitoring ≥ 120 min from first device (REFERENCE.md §3)',
  spravatoRemsForm:
    'SPRAVATO REMS Patient Monitoring Form: concomitant benzodiazepines, non-benzodiazepine hypnotics, ' +
    'psychostimulants, MAOIs, opioids (REFERENCE.md §3)',
  spravatoSi:
    'SPRAVATO US label: MDD with suicidal ideation, 84 mg twice weekly for 4 weeks (REFERENCE.md §2)',
  spravatoOlder:
    'EU SmPC (not the US label): 28 mg starting dose at age ≥ 65; a clinic option only (REFERENCE.md §2)',
  practiceContraindications:
    'Contraindications used in practice: uncontrolled hypertension, unstable cardiovascular disease, ' +
    'untreated hyperthyroidism, active psychosis or mania, pregnancy or breastfeeding, active substance use ' +
    'disorder (relative where addiction is the indication), age < 18, prior ketamine hypersensitivity ' +
    '(resetketamine.com; betterucare.com clinical-safety list; REFERENCE.md §2)',
  monitoringDefaults:
    'Monitoring defaults (clinic-configurable, not guideline-mandated): vitals every 10–15 min; alert SpO2 ' +
    '< 92 %, SBP ≥ 180 or DBP ≥ 110 (study definition of transient hypertension), HR > 130 or < 45, RR < 10, ' +
    'MOAA/S ≤ 2 (REFERENCE.md §2)',
  predoseHold:
    'Pre-dose hold commonly BP ≥ 160/100, or ≥ 140/90 per clinic; Yip 2022 (PMC9556663) argues common BP ' +
    'rules are over-aggressive (REFERENCE.md §2)',
  fasting: 'Practice: no food 4–6 h before dosing, clear fluids until 2 h (REFERENCE.md §2)',
  discharge:
    'Discharge practice: vitals back near baseline, alert (MOAA/S 5), steady gait, nausea controlled, escort ' +
    'present; esketamine never before 2 hours after the dose (REFERENCE.md §2)',
  dischargeBaselinePct:
    'UNVERIFIED: "within 20 % of baseline" borrowed from the modified Aldrete post-anaesthesia score ' +
    '(BP ± 20 % of pre-anaesthetic level); clinic to confirm for ketamine',
  dischargeLimits:
    'UNVERIFIED Plasticity default: discharge limits mirror the pre-dose hold (BP < 160/100) and the in-chair ' +
    'alert thresholds (SpO2, HR, RR); clinic to confirm',
  vitalsRecency:
    'UNVERIFIED Plasticity default: discharge vitals no older than 15 min (the upper end of the 10–15 min ' +
    'monitoring cadence)',
  instruments:
    'Plasticity default (REFERENCE.md §1 instruments, §1 safety flags); cadence UNVERIFIED, clinic-configurable',
  consents:
    'ASKP3 basics (off-label consent) and SPRAVATO REMS (patient enrolment); KAP, telehealth and financial ' +
    'consents are Plasticity defaults (REFERENCE.md §2–3)',
  sessionsUnverified: 'UNVERIFIED: no course length in REFERENCE.md for this route; clinic to set',
  observationSchedule:
    'UNVERIFIED Plasticity default: MOAA/S every 15 min from the dose until monitoring ends (the 10–15 min ' +
    'vitals cadence of REFERENCE.md §2), CADSS-6 at 40 min and at the end of monitoring (CADSS is commonly ' +
    'measured ~40 min after esketamine or ketamine dosing in trials; REFERENCE.md §1 lists the scale, not a ' +
    'schedule), 5 min grace before an observation counts as overdue; medical director to confirm',
  rounding: 'Plasticity default (pump/syringe precision), not a clinical source; clinic-configurable',
  plausibility: 'Plasticity data-entry plausibility bounds, not clinical limits (UNVERIFIED)',
  adultsOnly: 'Age < 18 is a contraindication in practice (REFERENCE.md §2); SPRAVATO is labelled for adults',
  weightRecency: 'UNVERIFIED Plasticity default: weight measured within 30 days for weight-based dosing',
} as const;

/**
 * Citation strings for every clinical default in `@plasticity/clinical`.
 *
 * Each default value in the protocol, eligibility and monitoring data carries one of these in its `source`
 * field, so a clinic (and an auditor) can see where a number came from. The strings summarise
 * the primary sources:
 * - Psychiatric Times, "Learning to use psychedelic agents" (IV 0.5 mg/kg over 40 min, 2–3/week, 6 infusions)
 * - Andrade C. 2017, ketamine dosing in depression (studied range 0.1–0.75 mg/kg)
 * - Fava M. et al., Mol Psychiatry 2020;25:1592–1603 (IV 0.1–1.0 mg/kg dose-ranging; the IV ceiling)
 * - Ketalar US prescribing information (IV induction 1–4.5 mg/kg; BP-elevation contraindication)
 * - Devine 1974 (ideal body weight), Traynor 1995 (adjusted body weight), Sanacora 2017 (dosing in obesity)
 * - ASKP3 "basics" (0.5–1 mg/kg over 40–60 min; history and physical, off-label consent, monitored vitals)
 * - Sanacora G. et al., APA consensus statement, JAMA Psychiatry 2017 (pre-treatment evaluation)
 * - NCT05468047 (IM ketamine 0.5–0.75 mg/kg, max 60 mg)
 * - SPRAVATO (esketamine) US prescribing information and REMS 386 (accessdata.fda.gov; spravatorems.com)
 * - Yip 2022 (PMC9556663) on blood-pressure rules; resetketamine.com and betterucare.com safety lists
 *
 * Values marked UNVERIFIED or "product default" have no primary source: they are Plasticity defaults that a
 * clinic's medical director must confirm or change.
 */

/** Free-text citations, keyed by what they support. Strings only: they are copied into data as `source`. */
export const SOURCES = {
  ivTrd:
    'Psychiatric Times, "Learning to use psychedelic agents": IV racemic ketamine 0.5 mg/kg over 40 min, ' +
    '2–3 times a week, 6 infusions',
  ivStudiedRange:
    'Andrade C., J Clin Psychiatry 2017 (ketamine dosing in depression): studied IV range 0.1–0.75 mg/kg',
  ivProtocolMax:
    'Protocol maximum 0.75 mg/kg: the top of the IV range reviewed by Andrade C., J Clin Psychiatry 2017 ' +
    '(0.1–0.75 mg/kg); kept below the 1.0 mg/kg ceiling so that 0.75–1.0 mg/kg needs an override with a ' +
    'second clinician',
  askp3:
    'ASKP3 "basics": start 0.5–1 mg/kg over 40–60 min; history and physical, off-label consent, ' +
    'monitored vitals',
  ivCeiling:
    'Ceiling 1.0 mg/kg: the highest IV dose studied for depression in a published randomised trial (Fava M. ' +
    'et al., Mol Psychiatry 2020;25:1592–1603, single 40-min infusions of 0.1, 0.2, 0.5 and 1.0 mg/kg; ' +
    'PMC6447473); no primary source supports more. It is NOT a margin below anaesthesia: the Ketalar label ' +
    'gives an IV induction dose of 1–4.5 mg/kg (average 2 mg/kg for 5–10 min of surgical anaesthesia)',
  ivMgCap:
    'Plasticity product default (no primary source): 100 mg cap = the 1.0 mg/kg ceiling at 100 kg; medical ' +
    'director to confirm',
  dosingWeight:
    'Dosing weight: actual body weight below BMI 30 (the 0.5 mg/kg trials dosed on actual weight); at BMI ≥ 30 ' +
    'ideal body weight, as the APA consensus statement suggested for obese patients because of haemodynamic ' +
    'concerns (Sanacora G. et al., JAMA Psychiatry 2017;74:399–405, as reported by Singh B. et al., J Clin ' +
    'Psychiatry 2019). Ideal body weight: Devine B.J., Drug Intell Clin Pharm 1974;8:650–655 (50 kg men, ' +
    '45.5 kg women, + 2.3 kg per inch over 5 ft). Adjusted body weight, when a clinic chooses it: ideal + 0.4 × ' +
    '(actual − ideal) (Traynor A.M. et al., Antimicrob Agents Chemother 1995;39:545–548, aminoglycoside ' +
    'dosing). Never above the actual weight, and the female formula when sex is not male or female: ' +
    'Plasticity product defaults',
  apaConsensus:
    'Sanacora et al., APA consensus statement on ketamine for mood disorders, JAMA Psychiatry 2017: ' +
    'pre-treatment evaluation of diagnosis, substance use and psychosis history, baseline severity, prior ' +
    'treatments, medical review',
  imTrial: 'NCT05468047 (ClinicalTrials.gov): IM ketamine 0.5–0.75 mg/kg, maximum 60 mg',
  imPractice:
    'IM ceiling 1.0 mg/kg: depression practice ~0.5–1 mg/kg (UNVERIFIED) and no more than the highest IV dose ' +
    'studied (Fava et al., Mol Psychiatry 2020)',
  kapSublingual: 'KAP practice: sublingual lozenges 100–400 mg, ~20–25 % bioavailable',
  kapOral: 'KAP practice: oral ketamine 25–300 mg, ~20–25 % bioavailable',
  spravatoDosing:
    'SPRAVATO US label: adults with TRD, weeks 1–4 56 mg day 1 then 56 or 84 mg twice weekly; weeks 5–8 ' +
    '56 or 84 mg weekly; week 9 on weekly or every 2 weeks; 28 mg per device, 5 min between devices',
  spravatoMonitoring:
    'SPRAVATO US label (boxed warning) and REMS 386: monitor at least 2 hours with pulse oximetry; BP before ' +
    'dosing and ~40 min after',
  spravatoBp:
    'SPRAVATO US label: baseline BP > 140 systolic or > 90 diastolic, weigh the short-term rise against ' +
    'benefit; a prescriber decision, not an automatic hold',
  spravatoContraindications:
    'SPRAVATO US label contraindications: aneurysmal vascular disease, arteriovenous malformation, history ' +
    'of intracerebral haemorrhage, hypersensitivity',
  spravatoRems:
    'SPRAVATO REMS 386: certified setting, patient enrolled before first dose, Patient Monitoring Form ' +
    'after every session, monitoring ≥ 120 min from first device',
  spravatoRemsForm:
    'SPRAVATO REMS Patient Monitoring Form: concomitant benzodiazepines, non-benzodiazepine hypnotics, ' +
    'psychostimulants, MAOIs, opioids',
  spravatoSi: 'SPRAVATO US label: MDD with suicidal ideation, 84 mg twice weekly for 4 weeks',
  spravatoOlder:
    'EU SmPC (not the US label): 28 mg starting dose at age ≥ 65; a clinic option for a non-US label only, ' +
    'off by default (nonUsLabelDosesAllowed)',
  spravatoUsDoses:
    'SPRAVATO US prescribing information, section 2: doses of 56 mg or 84 mg (adults with TRD, and MDD with ' +
    'acute suicidal ideation or behaviour); 84 mg is the highest labelled dose',
  spravatoFasting:
    'SPRAVATO US prescribing information, section 2: avoid food for at least 2 hours and liquids for at least ' +
    '30 minutes before administration (nausea and vomiting)',
  spravatoHepatic:
    'SPRAVATO US prescribing information, section 8.6: not studied in severe hepatic impairment (Child-Pugh ' +
    'C), use not recommended; moderate hepatic impairment (Child-Pugh B) may need monitoring for adverse ' +
    'reactions for a longer period',
  spravatoDischarge:
    'SPRAVATO US prescribing information (boxed warning, section 2) and SPRAVATO REMS 386 (12/2024): monitor ' +
    'at least 2 hours, then assess that the patient is clinically stable: sedation and dissociation resolved ' +
    'and no respiratory depression before leaving',
  ketalarBp:
    'Ketalar (ketamine hydrochloride) US prescribing information, section 4 Contraindications: patients in ' +
    'whom a significant elevation of blood pressure would constitute a serious hazard',
  practiceContraindications:
    'Contraindications used in practice: uncontrolled hypertension, unstable cardiovascular disease, ' +
    'untreated hyperthyroidism, active psychosis or mania, pregnancy or breastfeeding, active substance use ' +
    'disorder (relative where addiction is the indication), age < 18, prior ketamine hypersensitivity ' +
    '(resetketamine.com; betterucare.com clinical-safety list)',
  monitoringDefaults:
    'Monitoring defaults (clinic-configurable, not guideline-mandated): vitals every 10–15 min; alert SpO2 ' +
    '< 92 %, SBP ≥ 180 or DBP ≥ 110 (study definition of transient hypertension), HR > 130 or < 45, RR < 10, ' +
    'MOAA/S ≤ 2',
  predoseHold:
    'Pre-dose hold commonly BP ≥ 160/100, or ≥ 140/90 per clinic; Yip 2022 (PMC9556663) argues common BP ' +
    'rules are over-aggressive',
  fasting:
    'IV/IM/oral ketamine practice (not a label rule): no food 4–6 h before dosing, clear fluids until 2 h; ' +
    'clinic-configurable',
  discharge:
    'Discharge practice: vitals within the protocol discharge limits, alert (MOAA/S 5), steady gait, nausea ' +
    'controlled, escort present; esketamine never before 2 hours after the first device',
  dischargeBaselinePct:
    'Near baseline is never an alternative to the discharge limits: the modified Aldrete score (Aldrete 1995) ' +
    'scores BP within 20 % of the pre-anaesthetic level as one item of a score, not as a release from an ' +
    'absolute limit; a clinic may add near-baseline as an extra condition',
  observationMinimum:
    'Plasticity product default (no primary source found for a post-dose observation time for IV, IM or oral ' +
    'ketamine): IV and IM at least 60 min after the end of administration, sublingual and oral at least ' +
    '120 min (slower absorption, ~20–25 % bioavailable); by analogy with the SPRAVATO label’s 2-hour minimum; ' +
    'medical director to confirm',
  dischargeLimits:
    'UNVERIFIED Plasticity default: discharge limits mirror the pre-dose hold (BP < 160/100) and the in-chair ' +
    'alert thresholds (SpO2, HR, RR); absolute: being near baseline never passes a value outside them; ' +
    'clinic to confirm',
  vitalsRecency:
    'UNVERIFIED Plasticity default: discharge vitals no older than 15 min (the upper end of the 10–15 min ' +
    'monitoring cadence)',
  instruments:
    'Plasticity default (instrument manuals and their safety items); cadence UNVERIFIED, clinic-configurable',
  consents:
    'ASKP3 basics (off-label consent) and SPRAVATO REMS (patient enrolment); KAP, telehealth and financial ' +
    'consents are Plasticity defaults',
  sessionsUnverified: 'UNVERIFIED: no published course length found for this route; clinic to set',
  observationSchedule:
    'UNVERIFIED Plasticity default: MOAA/S every 15 min from the dose until monitoring ends (the 10–15 min ' +
    'vitals cadence), CADSS-6 at 40 min and at the end of monitoring (CADSS is commonly ' +
    'measured ~40 min after esketamine or ketamine dosing in trials; no source ' +
    'sets a schedule), 5 min grace before an observation counts as overdue; medical director to confirm',
  rounding: 'Plasticity default (pump/syringe precision), not a clinical source; clinic-configurable',
  plausibility: 'Plasticity data-entry plausibility bounds, not clinical limits (UNVERIFIED)',
  adultsOnly: 'Age < 18 is a contraindication in practice; SPRAVATO is labelled for adults',
  weightRecency: 'UNVERIFIED Plasticity default: weight measured within 30 days for weight-based dosing',
} as const;

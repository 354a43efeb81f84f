/**
 * The primary sources behind the protocol templates per indication, with what was checked against each and what
 * could not be (docs/clinical-sources.md#protocol-templates-per-indication). Checked against the published
 * abstracts (journal sites, PubMed/PMC records); the full texts were not available to us, so details found only in
 * secondary reports are marked as such.
 */

export interface TemplateSource {
  citation: string;
  url: string | null;
  verified: string;
  notVerified: string | null;
}

type SourceKey =
  | 'feder2021'
  | 'feder2014'
  | 'abdallah2022'
  | 'grabski2022'
  | 'taylor2018'
  | 'glue2018'
  | 'krupitsky2002'
  | 'krupitsky2007';

export const TEMPLATE_SOURCES: Readonly<Record<SourceKey, TemplateSource>> = {
  feder2021: {
    citation:
      'Feder A, Costi S, Rutter SB, et al. A Randomized Controlled Trial of Repeated Ketamine Administration for ' +
      'Chronic Posttraumatic Stress Disorder. Am J Psychiatry 2021;178(2):193–202',
    url: 'https://doi.org/10.1176/appi.ajp.2020.20050596',
    verified:
      'Abstract: 30 adults with chronic PTSD randomized 1:1; six IV infusions of ketamine 0.5 mg/kg or midazolam ' +
      '0.045 mg/kg over 2 consecutive weeks; primary outcome the clinician-rated CAPS-5 from baseline to week 2; ' +
      'secondary outcomes IES-R and MADRS; 67 % responders with ketamine against 20 % with midazolam; median time ' +
      'to loss of response 27.5 days among responders; no serious adverse events.',
    notVerified:
      'The 40-minute infusion and the three-a-week schedule are not in the abstract: the 40 minutes come from the ' +
      'same group’s single-dose trial (Feder 2014) and the schedule from the sponsor’s release and Abdallah 2022’s ' +
      'summary of this trial. The trial did not use PCL-5: the product tracks PCL-5 as its self-report measure.',
  },
  feder2014: {
    citation:
      'Feder A, Parides MK, Murrough JW, et al. Efficacy of intravenous ketamine for treatment of chronic ' +
      'posttraumatic stress disorder: a randomized clinical trial. JAMA Psychiatry 2014;71(6):681–688',
    url: null,
    verified:
      'Single IV infusion of ketamine 0.5 mg/kg over 40 minutes against midazolam in 41 adults (crossover).',
    notVerified: null,
  },
  abdallah2022: {
    citation:
      'Abdallah CG, Roache JD, Gueorguieva R, et al. Dose-related effects of ketamine for antidepressant-resistant ' +
      'symptoms of posttraumatic stress disorder in veterans and active duty military: a double-blind, ' +
      'randomized, placebo-controlled multi-center clinical trial. Neuropsychopharmacology 2022;47:1574–1581',
    url: 'https://doi.org/10.1038/s41386-022-01266-9',
    verified:
      'Abstract: 158 veterans and service members; eight infusions twice weekly of placebo, 0.2 or 0.5 mg/kg; ' +
      'primary outcome PCL-5, secondary CAPS-5 and MADRS; no significant effect on PTSD symptoms; 0.5 mg/kg ' +
      'improved depression (MADRS). A negative trial the medical director should weigh.',
    notVerified: null,
  },
  grabski2022: {
    citation:
      'Grabski M, McAndrew A, Lawn W, et al. Adjunctive Ketamine With Relapse Prevention–Based Psychological ' +
      'Therapy in the Treatment of Alcohol Use Disorder. Am J Psychiatry 2022;179(2):152–162',
    url: 'https://doi.org/10.1176/appi.ajp.2021.21030277',
    verified:
      'Abstract: phase 2, double-blind, placebo-controlled; 96 adults with severe alcohol use disorder in four ' +
      'arms; three weekly IV infusions of ketamine 0.8 mg/kg over 40 minutes (or saline) with mindfulness-based ' +
      'relapse-prevention therapy or alcohol education; primary outcomes self-reported percentage of days ' +
      'abstinent and confirmed relapse at 6 months; ketamine gave 10.1 % more days abstinent (95 % CI 1.1–19.0), ' +
      'most with ketamine plus therapy against saline plus education (15.9 %, 95 % CI 3.8–28.1); no difference ' +
      'in relapse.',
    notVerified:
      'Seven therapy sessions of about 1.5 hours each and infusions at visits 2, 4 and 6 come from a secondary ' +
      'report (Psychiatry Advisor), not from the paper itself. The trial did not use AUDIT during treatment: the ' +
      'product uses it for screening and severity.',
  },
  taylor2018: {
    citation:
      'Taylor JH, Landeros-Weisenberger A, Coughlin C, et al. Ketamine for Social Anxiety Disorder: A Randomized, ' +
      'Placebo-Controlled Crossover Trial. Neuropsychopharmacology 2018;43:325–333',
    url: 'https://doi.org/10.1038/npp.2017.194',
    verified:
      'Abstract: 18 adults with social anxiety disorder; single IV infusion of ketamine 0.5 mg/kg over 40 minutes ' +
      'against saline, 28 days apart (crossover); clinician-rated LSAS improved more with ketamine, self-rated ' +
      'anxiety (VAS) did not.',
    notVerified: 'One infusion only: no trial we found supports a course length of IV ketamine for anxiety.',
  },
  glue2018: {
    citation:
      'Glue P, Neehoff SM, Medlicott NJ, et al. Safety and efficacy of maintenance ketamine treatment in patients ' +
      'with treatment-refractory generalised anxiety and social anxiety disorders. J Psychopharmacol ' +
      '2018;32(6):663–667',
    url: null,
    verified:
      'Abstract: open-label, uncontrolled; 20 earlier responders with GAD and/or social anxiety; ketamine 1 mg/kg ' +
      'subcutaneously once or twice weekly for 3 months; anxiety ratings fell about 50 % one hour after dosing; ' +
      'blood pressure rose about 10 mm Hg at 30 minutes.',
    notVerified:
      'Subcutaneous dosing is not a route the product supports; the weekly cadence is taken over, not the route ' +
      'or the dose.',
  },
  krupitsky2002: {
    citation:
      'Krupitsky E, Burakov A, Romanova T, et al. Ketamine psychotherapy for heroin addiction: immediate effects ' +
      'and two-year follow-up. J Subst Abuse Treat 2002;23(4):273–283',
    url: 'https://doi.org/10.1016/S0740-5472(02)00275-1',
    verified:
      'Abstract: 70 detoxified heroin-dependent patients; existentially oriented psychotherapy with preparation ' +
      'and integration sessions plus ketamine 2.0 mg/kg IM against 0.2 mg/kg IM (double-blind); the higher dose ' +
      'gave more abstinence over two years.',
    notVerified:
      '2.0 mg/kg IM is above the product’s IM ceiling (1.0 mg/kg) and cannot be entered; the template keeps the ' +
      'product’s IM default. Evidence is weak: one site, patients after detoxification, no placebo.',
  },
  krupitsky2007: {
    citation:
      'Krupitsky EM, Burakov AM, Dunaevsky IV, et al. Single versus repeated sessions of ketamine-assisted ' +
      'psychotherapy for people with heroin dependence. J Psychoactive Drugs 2007;39(1):13–19',
    url: null,
    verified:
      'Abstract: 59 detoxified inpatients; one session before discharge, then randomized to two more sessions at ' +
      'monthly intervals (with addiction counseling) or counseling alone; abstinent at one year 13 of 26 (50 %) ' +
      'against 6 of 27 (22.2 %); no difference in depression, anxiety or craving.',
    notVerified: 'The dose (2.0 mg/kg IM, as in 2002) is given only by secondary summaries.',
  },
};

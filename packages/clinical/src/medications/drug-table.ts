/**
 * A small curated, offline table of the drugs the eligibility rules and the SPRAVATO REMS form ask about, with
 * their RxNorm ingredient codes (RXCUI, term type IN) and the classes the rules read. It is not a drug
 * dictionary: anything not listed is kept as free text (no code), and the clinic can still reconcile it.
 *
 * Classes follow the interaction sections the rules cite: SPRAVATO (esketamine) US prescribing information
 * §7.1 CNS depressants (benzodiazepines, opioids, other sedatives), §7.2 psychostimulants (amphetamines,
 * methylphenidate, modafinil, armodafinil), §7.3 monoamine oxidase inhibitors; KETALAR (ketamine) US
 * prescribing information §7.3 (benzodiazepines, opioid analgesics, other CNS depressants); the SPRAVATO REMS
 * Patient Monitoring Form's concomitant-medication questions (benzodiazepines, non-benzodiazepine hypnotics,
 * psychostimulants, MAOIs, opioids). Lamotrigine: Anand et al., Arch Gen Psychiatry 2000;57:270–276.
 * Naltrexone: Williams et al., Am J Psychiatry 2018;175:1205–1215.
 *
 * RXCUIs were checked against public RxNorm-derived tables (CPIC's drug table, which keys drugs by RxNorm
 * ingredient; value sets and code lists published with open-source clinical software), each code found in at
 * least one such table and none contradicted. `rxcui: null` marks a drug whose code could not be confirmed:
 * UNVERIFIED, stored without a code until someone checks it against RxNav; the candidate code is in the comment,
 * never in the data.
 */

export const DRUG_CLASSES = [
  'maoi',
  'benzodiazepine',
  'nonBenzodiazepineHypnotic',
  'psychostimulant',
  'opioid',
  'lamotrigine',
  'naltrexone',
  'nmdaAntagonist',
  'antidepressant',
] as const;
export type DrugClass = (typeof DRUG_CLASSES)[number];

/** Words a clinician reads for each class (never the internal key). */
export const DRUG_CLASS_LABELS: Record<DrugClass, string> = {
  maoi: 'MAO inhibitor',
  benzodiazepine: 'Benzodiazepine',
  nonBenzodiazepineHypnotic: 'Non-benzodiazepine hypnotic',
  psychostimulant: 'Psychostimulant',
  opioid: 'Opioid',
  lamotrigine: 'Lamotrigine',
  naltrexone: 'Opioid antagonist (naltrexone)',
  nmdaAntagonist: 'NMDA receptor antagonist',
  antidepressant: 'Antidepressant',
};

export interface DrugEntry {
  /** Ingredient name, lower case, as RxNorm spells it. */
  name: string;
  /** RxNorm ingredient RXCUI, or null when not confirmed (see the file header). */
  rxcui: string | null;
  classes: readonly DrugClass[];
  /** US brand names and common spellings a patient may type. */
  aliases: readonly string[];
}

const d = (name: string, rxcui: string | null, classes: DrugClass[], aliases: string[] = []): DrugEntry => ({
  name,
  rxcui,
  classes,
  aliases,
});

export const DRUG_TABLE: readonly DrugEntry[] = [
  // MAO inhibitors (SPRAVATO §7.3). An open high-priority DDI code list (Phansalkar 2012) lists these four.
  d('phenelzine', '8123', ['maoi', 'antidepressant'], ['nardil']),
  d('tranylcypromine', '10734', ['maoi', 'antidepressant'], ['parnate']),
  d('isocarboxazid', '6011', ['maoi', 'antidepressant'], ['marplan']),
  d('selegiline', '9639', ['maoi', 'antidepressant'], ['emsam', 'eldepryl', 'zelapar']),
  // rasagiline: UNVERIFIED candidate 134748.
  d('rasagiline', null, ['maoi'], ['azilect']),

  // Benzodiazepines (SPRAVATO §7.1; KETALAR §7.3).
  d('alprazolam', '596', ['benzodiazepine'], ['xanax']),
  d('lorazepam', '6470', ['benzodiazepine'], ['ativan']),
  d('clonazepam', '2598', ['benzodiazepine'], ['klonopin']),
  d('diazepam', '3322', ['benzodiazepine'], ['valium']),
  d('oxazepam', '7781', ['benzodiazepine'], []),
  d('midazolam', '6960', ['benzodiazepine'], []),
  d('clobazam', '21241', ['benzodiazepine'], ['onfi']),
  // temazepam: UNVERIFIED candidate 10355; chlordiazepoxide: UNVERIFIED candidate 2356.
  d('temazepam', null, ['benzodiazepine'], ['restoril']),
  d('chlordiazepoxide', null, ['benzodiazepine'], ['librium']),

  // Non-benzodiazepine hypnotics (REMS form; CNS depressants, SPRAVATO §7.1).
  d('zolpidem', '39993', ['nonBenzodiazepineHypnotic'], ['ambien', 'edluar', 'intermezzo']),
  // eszopiclone: UNVERIFIED (sources disagree: 461016 vs 103971); zaleplon: UNVERIFIED candidate 74667.
  d('eszopiclone', null, ['nonBenzodiazepineHypnotic'], ['lunesta']),
  d('zaleplon', null, ['nonBenzodiazepineHypnotic'], ['sonata']),

  // Psychostimulants (SPRAVATO §7.2).
  d('amphetamine', '725', ['psychostimulant'], ['adderall', 'evekeo']),
  d('dextroamphetamine', '3288', ['psychostimulant'], ['dexedrine', 'zenzedi']),
  d('lisdexamfetamine', '700810', ['psychostimulant'], ['vyvanse']),
  d('methylphenidate', '6901', ['psychostimulant'], ['ritalin', 'concerta', 'metadate', 'daytrana']),
  d('dexmethylphenidate', '352372', ['psychostimulant'], ['focalin']),
  d('modafinil', '30125', ['psychostimulant'], ['provigil']),
  // armodafinil: UNVERIFIED candidate 641465.
  d('armodafinil', null, ['psychostimulant'], ['nuvigil']),

  // Opioids (SPRAVATO §7.1; KETALAR §7.3).
  d('oxycodone', '7804', ['opioid'], ['oxycontin', 'percocet', 'roxicodone']),
  d('hydrocodone', '5489', ['opioid'], ['vicodin', 'norco']),
  d('morphine', '7052', ['opioid'], ['ms contin']),
  d('hydromorphone', '3423', ['opioid'], ['dilaudid']),
  d('oxymorphone', '7814', ['opioid'], ['opana']),
  d('fentanyl', '4337', ['opioid'], ['duragesic']),
  d('methadone', '6813', ['opioid'], ['methadose', 'dolophine']),
  d(
    'buprenorphine',
    '1819',
    ['opioid'],
    ['suboxone', 'subutex', 'sublocade', 'zubsolv', 'butrans', 'belbuca'],
  ),
  d('tramadol', '10689', ['opioid'], ['ultram']),
  d('tapentadol', '787390', ['opioid'], ['nucynta']),
  d('codeine', '2670', ['opioid'], []),
  d('meperidine', '6754', ['opioid'], ['demerol']),

  // Others the rules read.
  d('lamotrigine', '28439', ['lamotrigine'], ['lamictal']),
  d('naltrexone', '7243', ['naltrexone'], ['vivitrol', 'revia']),
  d('memantine', '6719', ['nmdaAntagonist'], ['namenda']),

  // Antidepressants (for prior-trial suggestions; codes from CPIC's drug table).
  d('sertraline', '36437', ['antidepressant'], ['zoloft']),
  d('fluoxetine', '4493', ['antidepressant'], ['prozac']),
  d('escitalopram', '321988', ['antidepressant'], ['lexapro']),
  d('citalopram', '2556', ['antidepressant'], ['celexa']),
  d('paroxetine', '32937', ['antidepressant'], ['paxil']),
  d('fluvoxamine', '42355', ['antidepressant'], ['luvox']),
  d('venlafaxine', '39786', ['antidepressant'], ['effexor']),
  d('duloxetine', '72625', ['antidepressant'], ['cymbalta']),
  d('bupropion', '42347', ['antidepressant'], ['wellbutrin']),
  d('mirtazapine', '15996', ['antidepressant'], ['remeron']),
  d('vortioxetine', '1455099', ['antidepressant'], ['trintellix']),
  d('trazodone', '10737', ['antidepressant'], ['desyrel']),
  d('amitriptyline', '704', ['antidepressant'], ['elavil']),
  d('nortriptyline', '7531', ['antidepressant'], ['pamelor']),
  d('imipramine', '5691', ['antidepressant'], ['tofranil']),
  d('clomipramine', '2597', ['antidepressant'], ['anafranil']),
];

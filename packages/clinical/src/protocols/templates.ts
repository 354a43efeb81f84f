/**
 * Protocol templates per indication (docs/clinical-sources.md#protocol-templates-per-indication): PTSD, alcohol use
 * disorder, anxiety and opioid use disorder, each with its instruments, cadence, the therapy that goes with it and
 * its sources (with what was verified). A template is a starting point a medical director adapts: it is offered
 * as a DRAFT protocol and never applied by itself. Every template protocol passes `validateProtocol` strictly.
 */
import { defaultImKetamineProtocol, defaultIvKetamineProtocol } from './defaults-ketamine.ts';
import { TEMPLATE_SOURCES, type TemplateSource } from './template-sources.ts';
import type {
  InstrumentCadence,
  InstrumentId,
  Protocol,
  RequiredInstrument,
  WeightBasedDose,
} from './types.ts';

export type TemplateIndication = 'ptsd' | 'alcohol_use_disorder' | 'anxiety' | 'opioid_use_disorder';
export type TemplateEvidence = 'randomized_trial' | 'open_label' | 'weak';

export interface TemplateInstrument {
  instrument: InstrumentId;
  cadence: InstrumentCadence;
  purpose: string;
}

export interface ProtocolTemplate {
  key: string;
  indication: TemplateIndication;
  title: string;
  summary: string;
  evidence: TemplateEvidence;
  cadence: string;
  therapy: string;
  instruments: TemplateInstrument[];
  sources: TemplateSource[];
  /** The draft protocol (status 'draft'); its `id` is the key a draft starts from. */
  protocol: Protocol;
}

/** The IV default's weight-based dose with the trial's mg/kg (never above the product ceiling). */
function ivDose(mgPerKg: number, source: string): WeightBasedDose {
  const dose = defaultIvKetamineProtocol().dose;
  if (dose.kind !== 'weight_based') throw new Error('the IV default is weight based');
  return {
    ...dose,
    defaultMgPerKg: mgPerKg,
    protocolMaxMgPerKg: Math.max(dose.protocolMaxMgPerKg, mgPerKg),
    source: `${source}; limits: ${dose.source}`,
  };
}

const required = (list: TemplateInstrument[], source: string): RequiredInstrument[] =>
  list.map((i) => ({ instrument: i.instrument, cadence: i.cadence, source }));

const SAFETY: TemplateInstrument = {
  instrument: 'cssrs_screen',
  cadence: 'before_each_session',
  purpose: 'suicide-risk screen before each dose (product default for every protocol)',
};

function ptsd(): ProtocolTemplate {
  const s = TEMPLATE_SOURCES;
  const instruments: TemplateInstrument[] = [
    {
      instrument: 'pcl5',
      cadence: 'weekly',
      purpose: 'PTSD symptoms, self-report (the trial used the clinician-rated CAPS-5)',
    },
    {
      instrument: 'phq9',
      cadence: 'weekly',
      purpose: 'depression, often comorbid (the trial tracked MADRS)',
    },
    SAFETY,
  ];
  const base = defaultIvKetamineProtocol();
  const cite = `${s.feder2021.citation}; ${s.feder2014.citation}`;
  return {
    key: 'ptsd-iv-ketamine',
    indication: 'ptsd',
    title: 'PTSD: six IV ketamine infusions over two weeks',
    summary:
      'IV racemic ketamine 0.5 mg/kg over 40 minutes, three infusions a week for two weeks (six in all), as in ' +
      'Feder et al. 2021. A larger trial in veterans (Abdallah et al. 2022) found no effect on PTSD symptoms.',
    evidence: 'randomized_trial',
    cadence: 'Three infusions a week for two weeks (six in all); PCL-5 weekly.',
    therapy:
      'The trial gave ketamine without psychotherapy. Pair it with an evidence-based trauma-focused therapy and ' +
      'integration visits after each infusion.',
    instruments,
    sources: [s.feder2021, s.feder2014, s.abdallah2022],
    protocol: {
      ...base,
      id: 'template-ptsd-iv-ketamine',
      name: 'IV ketamine for PTSD (template)',
      status: 'draft',
      indications: ['ptsd'],
      dose: ivDose(0.5, `0.5 mg/kg over 40 min: ${cite}`),
      durationMin: 40,
      requiredInstruments: required(instruments, cite),
      sessions: {
        count: 6,
        phases: [
          { fromWeek: 1, toWeek: 2, perWeekMin: 3, perWeekMax: 3, note: 'six infusions over two weeks' },
        ],
        source: s.feder2021.citation,
      },
      source: cite,
    },
  };
}

function alcohol(): ProtocolTemplate {
  const s = TEMPLATE_SOURCES;
  const instruments: TemplateInstrument[] = [
    {
      instrument: 'drinking_days',
      cadence: 'weekly',
      purpose: 'days with any alcohol and heavy drinking days',
    },
    { instrument: 'audit', cadence: 'monthly', purpose: 'screening and severity of alcohol use' },
    { instrument: 'phq9', cadence: 'weekly', purpose: 'depression' },
    SAFETY,
  ];
  const base = defaultIvKetamineProtocol();
  const cite = s.grabski2022.citation;
  return {
    key: 'aud-iv-ketamine',
    indication: 'alcohol_use_disorder',
    title: 'Alcohol use disorder: three weekly IV ketamine infusions with relapse-prevention therapy',
    summary:
      'IV racemic ketamine 0.8 mg/kg over 40 minutes once a week for three weeks, with mindfulness-based ' +
      'relapse-prevention therapy, as in Grabski et al. 2022 (more days abstinent at six months; relapse not ' +
      'reduced). Track drinking days every week.',
    evidence: 'randomized_trial',
    cadence: 'One infusion a week for three weeks; drinking days weekly; AUDIT monthly.',
    therapy:
      'Mindfulness-based relapse-prevention therapy (seven sessions in the trial, by a secondary report) with ' +
      'integration after each infusion.',
    instruments,
    sources: [s.grabski2022],
    protocol: {
      ...base,
      id: 'template-aud-iv-ketamine',
      name: 'IV ketamine for alcohol use disorder (template)',
      status: 'draft',
      indications: ['alcohol_use_disorder'],
      dose: ivDose(0.8, `0.8 mg/kg over 40 min: ${cite}`),
      durationMin: 40,
      requiredInstruments: required(instruments, cite),
      sessions: {
        count: 3,
        phases: [{ fromWeek: 1, toWeek: 3, perWeekMin: 1, perWeekMax: 1, note: 'one infusion a week' }],
        source: cite,
      },
      source: cite,
    },
  };
}

function anxiety(): ProtocolTemplate {
  const s = TEMPLATE_SOURCES;
  const instruments: TemplateInstrument[] = [
    { instrument: 'gad7', cadence: 'weekly', purpose: 'anxiety symptoms' },
    { instrument: 'phq9', cadence: 'weekly', purpose: 'depression' },
    SAFETY,
  ];
  const base = defaultIvKetamineProtocol();
  const cite = `${s.taylor2018.citation}; ${s.glue2018.citation}`;
  return {
    key: 'anxiety-iv-ketamine',
    indication: 'anxiety',
    title: 'Anxiety: IV ketamine, weekly, course set by the prescriber',
    summary:
      'IV racemic ketamine 0.5 mg/kg over 40 minutes (a single-infusion trial in social anxiety, Taylor et al. ' +
      '2018); weekly dosing as in an open-label maintenance study (Glue et al. 2018, subcutaneous). No trial sets ' +
      'a course length: the prescriber decides.',
    evidence: 'weak',
    cadence: 'Weekly, number of infusions set by the prescriber; GAD-7 weekly.',
    therapy:
      'Pair with cognitive behavioral therapy or another evidence-based therapy, and integration visits.',
    instruments,
    sources: [s.taylor2018, s.glue2018],
    protocol: {
      ...base,
      id: 'template-anxiety-iv-ketamine',
      name: 'IV ketamine for anxiety (template)',
      status: 'draft',
      indications: ['anxiety'],
      dose: ivDose(0.5, `0.5 mg/kg over 40 min: ${s.taylor2018.citation}`),
      requiredInstruments: required(instruments, cite),
      sessions: {
        phases: [{ fromWeek: 1, perWeekMin: 1, perWeekMax: 1, note: 'weekly; the prescriber sets how many' }],
        source: `${s.glue2018.citation} (weekly cadence only)`,
      },
      source: cite,
    },
  };
}

function opioid(): ProtocolTemplate {
  const s = TEMPLATE_SOURCES;
  const instruments: TemplateInstrument[] = [
    { instrument: 'dast10', cadence: 'monthly', purpose: 'drug use screening and severity' },
    { instrument: 'phq9', cadence: 'weekly', purpose: 'depression' },
    SAFETY,
  ];
  const base = defaultImKetamineProtocol();
  const cite = `${s.krupitsky2002.citation}; ${s.krupitsky2007.citation}`;
  return {
    key: 'oud-im-ketamine',
    indication: 'opioid_use_disorder',
    title: 'Opioid use disorder (weak evidence): IM ketamine-assisted psychotherapy after detoxification',
    summary:
      'Ketamine-assisted psychotherapy (preparation, the dosing session, integration) for patients already ' +
      'detoxified, three sessions a month apart, as in Krupitsky et al. 2002 and 2007. The trials’ 2.0 mg/kg IM ' +
      'dose is above this product’s IM ceiling; the template keeps the product’s IM default. One group, one ' +
      'site: weak evidence.',
    evidence: 'weak',
    cadence: 'Three sessions a month apart (Krupitsky et al. 2007); DAST-10 monthly.',
    therapy:
      'Existentially oriented psychotherapy with preparation before and integration after each session, alongside ' +
      'standard opioid use disorder care (medication for opioid use disorder where indicated).',
    instruments,
    sources: [s.krupitsky2002, s.krupitsky2007],
    protocol: {
      ...base,
      id: 'template-oud-im-ketamine',
      name: 'IM ketamine-assisted psychotherapy for opioid use disorder (template)',
      status: 'draft',
      indications: ['opioid_use_disorder'],
      requiredInstruments: required(instruments, cite),
      sessions: {
        count: 3,
        phases: [{ fromWeek: 1, perWeekMin: 0.25, perWeekMax: 0.25, note: 'one session a month' }],
        source: `${s.krupitsky2007.citation} (three sessions at monthly intervals, after detoxification)`,
      },
      source: cite,
    },
  };
}

/** Every template, fresh copies, in a stable order. */
export function protocolTemplates(): ProtocolTemplate[] {
  return [ptsd(), alcohol(), anxiety(), opioid()];
}

export function protocolTemplate(key: string): ProtocolTemplate | null {
  return protocolTemplates().find((t) => t.key === key) ?? null;
}

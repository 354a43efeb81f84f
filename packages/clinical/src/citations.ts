/**
 * What a person sees of a clinical default's `source`: citations (title, year, link) and plain words,
 * never the developers' notes the text also carries (file names, "UNVERIFIED" markers). The `source`
 * strings stay as they are in data (stored protocols and eligibility decisions keep them verbatim); this
 * turns one into its display form. Import as `@plasticity/clinical/citations`.
 */

export interface Citation {
  title: string;
  year?: number;
  url?: string;
}

export interface SourceDisplay {
  /** The source in words, developer notes removed. */
  text: string;
  /** The publications the source names, in the order first named. */
  citations: Citation[];
  /** True when no published source fixes the value: a product default the medical director confirms. */
  clinicDefault: boolean;
}

/** Publications the defaults cite, recognised by a pattern in the source text. */
const KNOWN: ReadonlyArray<{ match: RegExp; citation: Citation }> = [
  {
    match: /SPRAVATO (?:\(esketamine\) )?US (?:label|prescribing information)/i,
    citation: {
      title: 'SPRAVATO (esketamine) nasal spray, US prescribing information',
      url: 'https://www.janssenlabels.com/package-insert/product-monograph/prescribing-information/SPRAVATO-pi.pdf',
    },
  },
  {
    match: /SPRAVATO REMS|REMS 386|Patient Monitoring Form/i,
    citation: { title: 'SPRAVATO REMS and Patient Monitoring Form', url: 'https://www.spravatorems.com' },
  },
  {
    match: /Sanacora|APA consensus/i,
    citation: {
      title:
        'Sanacora G. et al., A consensus statement on the use of ketamine in the treatment of mood disorders, JAMA Psychiatry',
      year: 2017,
      url: 'https://doi.org/10.1001/jamapsychiatry.2017.0080',
    },
  },
  {
    match: /Andrade/i,
    citation: {
      title:
        'Andrade C., Ketamine for depression, 4: in what dose, at what rate, by what route, for how long, and at what frequency? J Clin Psychiatry',
      year: 2017,
      url: 'https://doi.org/10.4088/JCP.17f11738',
    },
  },
  {
    match: /NCT05468047/,
    citation: {
      title: 'Clinical trial NCT05468047 (IM ketamine)',
      url: 'https://clinicaltrials.gov/study/NCT05468047',
    },
  },
  {
    match: /Yip 2022|PMC9556663/i,
    citation: {
      title: 'Yip et al., blood-pressure rules for ketamine treatment',
      year: 2022,
      url: 'https://www.ncbi.nlm.nih.gov/pmc/articles/PMC9556663/',
    },
  },
  {
    match: /Psychiatric Times/i,
    citation: { title: 'Psychiatric Times, "Learning to use psychedelic agents"' },
  },
  { match: /ASKP3/i, citation: { title: 'ASKP3, ketamine practice basics' } },
  {
    match: /Posner|Columbia|C-SSRS/i,
    citation: {
      title: 'Posner K. et al., The Columbia–Suicide Severity Rating Scale, Am J Psychiatry',
      year: 2011,
      url: 'https://doi.org/10.1176/appi.ajp.2011.10111704',
    },
  },
  {
    match: /Aldrete/i,
    citation: {
      title: 'Aldrete J.A., The post-anesthesia recovery score revisited, J Clin Anesth',
      year: 1995,
    },
  },
  {
    match: /resetketamine\.com/i,
    citation: { title: 'Reset Ketamine, clinical safety', url: 'https://resetketamine.com' },
  },
  {
    match: /betterucare\.com/i,
    citation: { title: 'BetterU, clinical-safety list', url: 'https://betterucare.com' },
  },
];

/** Developer notes inside source text, removed for display (file names, verification markers). */
const NOTES: readonly RegExp[] = [
  /\s*\((?:not in |see )?REFERENCE\.md[^)]*\)/gi,
  /[;,]?\s*\bnot in REFERENCE\.md\b/gi,
  /\s+(?:of|in) REFERENCE\.md(?:\s*§\s*[\d–-]+)?/gi,
  /[;,]?\s*\bREFERENCE\.md\b[^;)]*/gi,
  /[;,]?\s*\bseverity is a Plasticity default,?\s*UNVERIFIED\b/gi,
  /\s*\bUNVERIFIED\b(?:\s+here)?:?/gi,
  /[;,]?\s*medical director to confirm/gi,
];

/** The product is written in US English; sources quoted from elsewhere may not be. */
const US_SPELLING: ReadonlyArray<[RegExp, string]> = [
  [/anaesthe/g, 'anesthe'],
  [/haemorrhage/g, 'hemorrhage'],
  [/behaviour/g, 'behavior'],
  [/labelled/g, 'labeled'],
  [/licence/g, 'license'],
  [/programme/g, 'program'],
  [/organis/g, 'organiz'],
  [/centre\b/g, 'center'],
];

/**
 * @example sourceForDisplay('Andrade 2017: studied IV range 0.1–0.75 mg/kg (REFERENCE.md §2)')
 * // { text: 'Andrade 2017: studied IV range 0.1–0.75 mg/kg', citations: [{ title: 'Andrade C., …', year: 2017, url: … }], clinicDefault: false }
 */
export function sourceForDisplay(source: string): SourceDisplay {
  const clinicDefault = /UNVERIFIED|Plasticity default|Plasticity hard ceiling|Plasticity bounds/i.test(
    source,
  );
  let text = source;
  for (const n of NOTES) text = text.replace(n, '');
  for (const [from, to] of US_SPELLING) text = text.replace(from, to);
  text = text
    .replace(/\(\s*[,;]?\s*\)/g, '')
    .replace(/\s+([,;.:)])/g, '$1')
    .replace(/([,;])\1+/g, '$1')
    .replace(/^[\s,;:]+|[\s,;:]+$/g, '')
    .replace(/\s{2,}/g, ' ')
    .replace(/\bPlasticity default\b/g, 'Default')
    .replace(/\bPlasticity defaults\b/g, 'defaults')
    .replace(/\bPlasticity\b/g, 'Default');
  const citations: Citation[] = [];
  const found = KNOWN.map((k) => ({ k, at: source.search(k.match) }))
    .filter((x) => x.at >= 0)
    .sort((a, b) => a.at - b.at);
  for (const { k } of found) if (!citations.includes(k.citation)) citations.push(k.citation);
  return { text, citations, clinicDefault };
}

/** A citation in one line: "Title (2017)". */
export const citationText = (c: Citation): string => (c.year ? `${c.title} (${c.year})` : c.title);

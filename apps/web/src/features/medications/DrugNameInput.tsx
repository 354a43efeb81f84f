import { Autocomplete } from '@mantine/core';
import { lookupDrug, suggestDrugs } from '@plasticity/clinical/medications';

interface Props {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  required?: boolean;
  /** Suggest only antidepressants (prior trials). */
  antidepressants?: boolean;
}

const isAntidepressant = (s: string) => lookupDrug(s)?.classes.includes('antidepressant') ?? false;

/** A medicine name with suggestions from the clinic's offline drug table; anything else is kept as typed. */
export function DrugNameInput({ label, value, onChange, error, required, antidepressants }: Props) {
  const data = suggestDrugs(value, antidepressants ? 40 : 8)
    .filter((s) => !antidepressants || isAntidepressant(s))
    .slice(0, 8);
  return (
    <Autocomplete
      label={label}
      value={value}
      onChange={onChange}
      data={[...new Set(data)]}
      error={error}
      required={required}
      autoComplete="off"
    />
  );
}

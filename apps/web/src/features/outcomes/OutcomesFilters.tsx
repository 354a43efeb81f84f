/** The dashboard's filters: dates, indication, protocol, route, scale, age band and sex. */
import { Group, Select, TextInput } from '@mantine/core';
import { INDICATIONS, ROUTES } from '@plasticity/clinical/protocols';
import { indicationLabel, instrumentLabel, routeLabel } from '../../ui/labels.ts';
import { useProtocols } from '../plans/queries.ts';
import type { OutcomesFilters as Filters } from './api.ts';
import { AGE_BAND_OPTIONS, SEX_OPTIONS } from './labels.ts';

const SCALES = ['phq9', 'gad7', 'pcl5', 'audit', 'madrs', 'qids_sr16'];

export function OutcomesFilters({ value, onChange }: { value: Filters; onChange: (f: Filters) => void }) {
  const protocols = useProtocols().data ?? [];
  const set = (key: keyof Filters) => (v: string | null) => onChange({ ...value, [key]: v ?? undefined });
  const keys = [...new Map(protocols.map((p) => [p.key, p.name])).entries()];
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <TextInput
        type="date"
        label="From"
        value={value.from ?? ''}
        onChange={(e) => onChange({ ...value, from: e.currentTarget.value || undefined })}
        w={160}
      />
      <TextInput
        type="date"
        label="To"
        value={value.to ?? ''}
        onChange={(e) => onChange({ ...value, to: e.currentTarget.value || undefined })}
        w={160}
      />
      <Select
        label="Indication"
        placeholder="All"
        clearable
        data={INDICATIONS.map((i) => ({
          value: i,
          // The filter takes in depression's subsets (treatment-resistant, with suicidal ideation).
          label: i === 'depression' ? `${indicationLabel(i)} (all forms)` : indicationLabel(i),
        }))}
        value={value.indication ?? null}
        onChange={set('indication')}
        w={240}
      />
      <Select
        label="Protocol"
        placeholder="All"
        clearable
        data={keys.map(([key, name]) => ({ value: key, label: name }))}
        value={value.protocolId ?? null}
        onChange={set('protocolId')}
        w={240}
      />
      <Select
        label="Route"
        placeholder="All"
        clearable
        data={ROUTES.map((r) => ({ value: r, label: routeLabel(r) }))}
        value={value.route ?? null}
        onChange={set('route')}
        w={140}
      />
      <Select
        label="Scale"
        placeholder="Each indication's own"
        clearable
        data={SCALES.map((s) => ({ value: s, label: instrumentLabel(s) }))}
        value={value.instrument ?? null}
        onChange={set('instrument')}
        w={200}
      />
      <Select
        label="Age"
        placeholder="All"
        clearable
        data={AGE_BAND_OPTIONS}
        value={value.ageBand ?? null}
        onChange={set('ageBand')}
        w={140}
      />
      <Select
        label="Sex"
        placeholder="All"
        clearable
        data={SEX_OPTIONS}
        value={value.sex ?? null}
        onChange={set('sex')}
        w={130}
      />
    </Group>
  );
}

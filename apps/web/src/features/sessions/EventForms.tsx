/**
 * Psychological distress events (anxiety, agitation, emergence reactions) with the interventions used
 * (reassurance, music or eyeshade, infusion paused, medication with dose), and adverse events with severity,
 * seriousness and outcome. Time left blank = now. Server field errors show beside the field.
 */
import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Radio,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useClinicTime } from '../../ui/useClinicTime.ts';
import { FormError, useObservationSubmit } from './ObservationForms.tsx';
import {
  atFromTime,
  DISTRESS_TYPES,
  INTERVENTIONS,
  OUTCOMES,
  oneOf,
  SEVERITIES,
} from './observationFormat.ts';

const CHOOSE = { value: '', label: 'Choose…', disabled: true };

interface Med {
  key: number;
  name: string;
  doseMg: number | string;
}

function TimeField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (v: string) => void;
  error?: string;
}) {
  return (
    <TextInput
      label="Time"
      description="Blank = now"
      type="time"
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      w={130}
    />
  );
}

export function DistressForm({ sessionId }: { sessionId: string }) {
  const { timeZone } = useClinicTime();
  const [type, setType] = useState('');
  const [description, setDescription] = useState('');
  const [kinds, setKinds] = useState<string[]>([]);
  const [meds, setMeds] = useState<Med[]>([]);
  const [at, setAt] = useState('');
  const { busy, error, fields, submit } = useObservationSubmit(sessionId);
  // Interventions are sent as the ticked kinds, then one entry per medication row (in that order).
  const medIndex = (row: number) => kinds.length + row;
  const medError = (row: number, key: 'medication' | 'doseMg') =>
    fields[`interventions.${medIndex(row)}.${key}`] ??
    (key === 'medication' ? fields[`interventions.${medIndex(row)}`] : undefined);
  const save = async () => {
    const distressType = oneOf(DISTRESS_TYPES, type);
    if (!distressType) return; // the button stays disabled until a type is chosen
    const body = {
      kind: 'distress' as const,
      at: atFromTime(at, timeZone),
      type: distressType,
      ...(description.trim() ? { description: description.trim() } : {}),
      interventions: [
        ...kinds.flatMap((k) => {
          const kind = oneOf(INTERVENTIONS, k);
          return kind ? [{ kind }] : [];
        }),
        ...meds.map((m) => ({
          kind: 'medication' as const,
          ...(m.name.trim() ? { medication: m.name.trim() } : {}),
          ...(typeof m.doseMg === 'number' ? { doseMg: m.doseMg } : {}),
        })),
      ],
    };
    if (await submit(body)) {
      setType('');
      setDescription('');
      setKinds([]);
      setMeds([]);
      setAt('');
    }
  };
  const shown = [
    'type',
    'description',
    'at',
    'interventions',
    ...kinds.map((_, i) => `interventions.${i}`),
    ...meds.flatMap((_, r) => [
      `interventions.${medIndex(r)}`,
      `interventions.${medIndex(r)}.medication`,
      `interventions.${medIndex(r)}.doseMg`,
    ]),
  ];
  return (
    <Stack gap="xs">
      <Group align="flex-start">
        <NativeSelect
          label="Type"
          data={[CHOOSE, ...DISTRESS_TYPES]}
          value={type}
          onChange={(e) => setType(e.currentTarget.value)}
          error={fields.type}
          w={200}
        />
        <TextInput
          label="Description (optional)"
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={fields.description}
          style={{ flex: 1 }}
          miw={220}
        />
        <TimeField value={at} onChange={setAt} error={fields.at} />
      </Group>
      <Checkbox.Group label="Interventions" value={kinds} onChange={setKinds} error={fields.interventions}>
        <Group mt={4}>
          {INTERVENTIONS.map((i) => (
            <Checkbox key={i.value} value={i.value} label={i.label} />
          ))}
        </Group>
      </Checkbox.Group>
      {meds.map((m, r) => (
        <Group key={m.key} align="flex-start" gap="xs">
          <TextInput
            label="Medication"
            value={m.name}
            onChange={(e) => {
              const name = e.currentTarget.value;
              setMeds((x) => x.map((y) => (y.key === m.key ? { ...y, name } : y)));
            }}
            error={medError(r, 'medication')}
            w={220}
          />
          <NumberInput
            label="Medication dose (mg)"
            value={m.doseMg}
            onChange={(doseMg) => setMeds((x) => x.map((y) => (y.key === m.key ? { ...y, doseMg } : y)))}
            error={medError(r, 'doseMg')}
            min={0}
            w={120}
            hideControls
          />
          <ActionIcon
            variant="subtle"
            color="gray"
            mt={28}
            aria-label={`Remove medication ${r + 1}`}
            onClick={() => setMeds((x) => x.filter((y) => y.key !== m.key))}
          >
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          variant="default"
          size="xs"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => setMeds((x) => [...x, { key: Date.now() + x.length, name: '', doseMg: '' }])}
        >
          Add medication
        </Button>
        <Button onClick={save} disabled={!type} loading={busy}>
          Save distress event
        </Button>
      </Group>
      <FormError error={error} fields={fields} shown={shown} />
    </Stack>
  );
}

export function AdverseEventForm({ sessionId }: { sessionId: string }) {
  const { timeZone } = useClinicTime();
  const [description, setDescription] = useState('');
  const [severity, setSeverity] = useState('');
  const [serious, setSerious] = useState(false);
  const [outcome, setOutcome] = useState('');
  const [at, setAt] = useState('');
  const { busy, error, fields, submit } = useObservationSubmit(sessionId);
  const save = async () => {
    const sev = oneOf(SEVERITIES, severity);
    const out = oneOf(OUTCOMES, outcome);
    if (!sev || !out) return; // the button stays disabled until both are chosen
    const body = {
      kind: 'adverse_event' as const,
      at: atFromTime(at, timeZone),
      description: description.trim(),
      severity: sev,
      serious,
      outcome: out,
    };
    if (await submit(body)) {
      setDescription('');
      setSeverity('');
      setSerious(false);
      setOutcome('');
      setAt('');
    }
  };
  return (
    <Stack gap="xs">
      <Textarea
        label="What happened"
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        error={fields.description}
        autosize
        minRows={2}
      />
      <Group align="flex-start">
        <Radio.Group
          name="ae-severity"
          label="Severity"
          value={severity}
          onChange={setSeverity}
          error={fields.severity}
        >
          <Group mt={8}>
            {SEVERITIES.map((s) => (
              <Radio key={s.value} value={s.value} label={s.label} />
            ))}
          </Group>
        </Radio.Group>
        <Checkbox
          mt={30}
          label="Serious adverse event"
          checked={serious}
          onChange={(e) => setSerious(e.currentTarget.checked)}
          error={fields.serious}
        />
        <NativeSelect
          label="Outcome"
          data={[CHOOSE, ...OUTCOMES]}
          value={outcome}
          onChange={(e) => setOutcome(e.currentTarget.value)}
          error={fields.outcome}
          w={170}
        />
        <TimeField value={at} onChange={setAt} error={fields.at} />
      </Group>
      <Group>
        <Button onClick={save} disabled={!description.trim() || !severity || !outcome} loading={busy}>
          Save adverse event
        </Button>
      </Group>
      <FormError
        error={error}
        fields={fields}
        shown={['description', 'severity', 'serious', 'outcome', 'at']}
      />
    </Stack>
  );
}

/**
 * MOAA/S (0–5, the scale's anchor texts) and CADSS-6 (six items 0–4, total shown) entry for the session page.
 * Each posts one observation; the server's field errors show beside the named field, any others
 * in the error box. Anchors: instrument definitions `moaas.ts` (Chernik 1990) and `cadss6.ts` (Rodrigues 2021).
 */
import { Button, Group, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { type FieldErrors, unplacedFieldErrors } from '../../api/errors.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { postObservation } from './api.ts';
import { CADSS_ITEMS, CADSS_MAX, CADSS_OPTIONS, MOAAS_OPTIONS } from './observationFormat.ts';
import { sessionKeys } from './queries.ts';

/** Posts one observation (the session refetches); keeps the error and its field errors for the form. */
export function useObservationSubmit(sessionId: string) {
  const posting = useApiMutation(
    (body: Parameters<typeof postObservation>[1]) => postObservation(sessionId, body),
    {
      invalidates: [sessionKeys.detail(sessionId)],
    },
  );
  const submit = async (body: Parameters<typeof postObservation>[1]): Promise<boolean> =>
    (await posting.run(body)).ok;
  const fields: FieldErrors = posting.fieldErrors;
  return { busy: posting.busy, error: posting.error, fields, submit };
}

/** The error box for what no field shows (network, conflict, or a field error without a visible field). */
export function FormError({
  error,
  fields,
  shown,
}: {
  error: unknown;
  fields: FieldErrors;
  shown: string[];
}) {
  return <ErrorAlert error={error} title="Not saved" extra={unplacedFieldErrors(fields, shown)} />;
}

export function MoaasForm({ sessionId }: { sessionId: string }) {
  const [score, setScore] = useState('');
  const { busy, error, fields, submit } = useObservationSubmit(sessionId);
  const save = async () => {
    if (await submit({ kind: 'moaas', at: new Date().toISOString(), score: Number(score) })) setScore('');
  };
  return (
    <Stack gap="xs">
      <Radio.Group
        name="moaas-score"
        label="MOAA/S score"
        description="Rate responsiveness, from the least intense stimulus upward."
        value={score}
        onChange={setScore}
        error={fields.score}
      >
        <Stack gap={4} mt={6}>
          {MOAAS_OPTIONS.map((o) => (
            <Radio key={o.value} value={String(o.value)} label={`${o.value} — ${o.label}`} />
          ))}
        </Stack>
      </Radio.Group>
      <Group>
        <Button onClick={save} disabled={score === ''} loading={busy}>
          Save MOAA/S
        </Button>
      </Group>
      <FormError error={error} fields={fields} shown={['score', 'at']} />
    </Stack>
  );
}

export function Cadss6Form({ sessionId }: { sessionId: string }) {
  const empty = () => CADSS_ITEMS.map(() => '');
  const [items, setItems] = useState<string[]>(empty);
  const { busy, error, fields, submit } = useObservationSubmit(sessionId);
  const answered = items.filter((v) => v !== '').length;
  const total = items.reduce((sum, v) => sum + (v === '' ? 0 : Number(v)), 0);
  const save = async () => {
    const body = { kind: 'cadss6' as const, at: new Date().toISOString(), items: items.map(Number) };
    if (await submit(body)) setItems(empty());
  };
  return (
    <Stack gap="xs">
      <Text size="xs" c="dimmed">
        Each item 0–4: {CADSS_OPTIONS.map((o) => `${o.value} ${o.label.toLowerCase()}`).join(' · ')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs" verticalSpacing="xs">
        {CADSS_ITEMS.map((label, i) => (
          <Radio.Group
            key={label}
            name={`cadss6-item-${i}`}
            label={label}
            value={items[i]}
            onChange={(v) => setItems((x) => x.map((old, j) => (j === i ? v : old)))}
            error={fields[`items.${i}`]}
          >
            <Group gap="sm" mt={4}>
              {CADSS_OPTIONS.map((o) => (
                <Radio key={o.value} value={String(o.value)} label={String(o.value)} title={o.label} />
              ))}
            </Group>
          </Radio.Group>
        ))}
      </SimpleGrid>
      <Group>
        <Text fw={600} data-testid="cadss6-total">
          Total {total} / {CADSS_MAX}
          {answered < CADSS_ITEMS.length ? ` (${CADSS_ITEMS.length - answered} not rated)` : ''}
        </Text>
        <Button onClick={save} disabled={answered < CADSS_ITEMS.length} loading={busy}>
          Save CADSS-6
        </Button>
      </Group>
      {fields.items && (
        <Text c="red" size="sm">
          {fields.items}
        </Text>
      )}
      <FormError
        error={error}
        fields={fields}
        shown={['items', 'at', ...CADSS_ITEMS.map((_, i) => `items.${i}`)]}
      />
    </Stack>
  );
}

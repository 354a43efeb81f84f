import {
  ActionIcon,
  Button,
  Card,
  Group,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { SlidingScaleTierSet } from '@plasticity/contracts';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { useApiMutation } from '../../../ui/useApiMutation.ts';
import { useClinicTime } from '../../../ui/useClinicTime.ts';
import { saveTiers } from './api.ts';
import { slidingScaleKeys } from './queries.ts';

interface Row {
  label: string;
  maxPercent: number | string;
  discountPercent: number | string;
}

const rowsOf = (set: SlidingScaleTierSet): Row[] =>
  set.tiers.map((t) => ({
    label: t.label,
    maxPercent: t.maxPercent ?? '',
    discountPercent: t.discountPercent,
  }));

/**
 * The admin edits the clinic's tiers: each band's upper bound in percent of the poverty guideline (the last band
 * has none) and its discount, and how many months an assessment stays valid. Saving makes a new version; earlier
 * assessments keep the tier they were given.
 */
export function TiersEditor({ current }: { current: SlidingScaleTierSet }) {
  const t = useClinicTime();
  const [rows, setRows] = useState<Row[]>(() => rowsOf(current));
  const [months, setMonths] = useState<number | string>(current.assessmentValidMonths);
  const saving = useApiMutation(saveTiers, { invalidates: [slidingScaleKeys.tiers()] });
  const set = (i: number, patch: Partial<Row>) =>
    setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const submit = () =>
    saving.run({
      tiers: rows.map((r, i) => ({
        label: r.label,
        maxPercent: i === rows.length - 1 || r.maxPercent === '' ? null : Number(r.maxPercent),
        discountPercent: Number(r.discountPercent),
      })),
      assessmentValidMonths: Number(months),
    });
  return (
    <Card withBorder radius="md" component="section" aria-labelledby="tiers-title">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <div>
            <Title order={2} size="h4" id="tiers-title">
              Tiers
            </Title>
            <Text size="sm" c="dimmed">
              {current.version === 0
                ? 'The product’s default tiers apply until you save your own.'
                : `Version ${current.version}, in force since ${t.date(current.effectiveFrom)}${
                    current.createdByName ? `, saved by ${current.createdByName}` : ''
                  }.`}{' '}
              Bounds include their value: exactly 150% falls in the band that goes up to 150%.
            </Text>
          </div>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Up to (% of poverty)</Table.Th>
                <Table.Th>Discount (%)</Table.Th>
                <Table.Th>Remove</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r, i) => {
                const last = i === rows.length - 1;
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their place
                  <Table.Tr key={i}>
                    <Table.Td>
                      <TextInput
                        aria-label={`Name of tier ${i + 1}`}
                        value={r.label}
                        onChange={(e) => set(i, { label: e.currentTarget.value })}
                      />
                    </Table.Td>
                    <Table.Td>
                      {last ? (
                        <Text size="sm">Everything above</Text>
                      ) : (
                        <NumberInput
                          aria-label={`Upper bound of tier ${i + 1}`}
                          min={0}
                          decimalScale={1}
                          value={r.maxPercent}
                          onChange={(v) => set(i, { maxPercent: v })}
                        />
                      )}
                    </Table.Td>
                    <Table.Td>
                      <NumberInput
                        aria-label={`Discount of tier ${i + 1}`}
                        min={0}
                        max={100}
                        allowDecimal={false}
                        value={r.discountPercent}
                        onChange={(v) => set(i, { discountPercent: v })}
                      />
                    </Table.Td>
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        c="red.9"
                        aria-label={`Remove tier ${i + 1}`}
                        disabled={rows.length <= 1}
                        onClick={() => setRows(rows.filter((_, j) => j !== i))}
                      >
                        <IconTrash size={16} aria-hidden />
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          <Group>
            <Button
              variant="default"
              onClick={() =>
                setRows([
                  ...rows.slice(0, -1),
                  { label: '', maxPercent: '', discountPercent: 0 },
                  ...rows.slice(-1),
                ])
              }
            >
              Add a tier
            </Button>
          </Group>
          <NumberInput
            label="Months an assessment stays valid"
            min={1}
            max={36}
            allowDecimal={false}
            value={months}
            onChange={setMonths}
            error={saving.fieldErrors.assessmentValidMonths}
            maw={280}
          />
          <ErrorAlert
            error={saving.error}
            title="Could not save the tiers"
            extra={saving.unplaced(['assessmentValidMonths'])}
          />
          <Group>
            <Button type="submit" loading={saving.busy}>
              Save as a new version
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

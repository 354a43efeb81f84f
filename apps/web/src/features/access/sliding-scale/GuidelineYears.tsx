import {
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { PovertyGuidelineYearView } from '@plasticity/contracts';
import { useState } from 'react';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { useApiMutation } from '../../../ui/useApiMutation.ts';
import { addGuidelineYear } from './api.ts';
import { slidingScaleKeys } from './queries.ts';
import { wholeDollars } from './words.ts';

/** The poverty guideline years the clinic can use, and the admin's form to add a year from its notice. */
export function GuidelineYears({ years }: { years: PovertyGuidelineYearView[] }) {
  return (
    <Card withBorder radius="md" component="section" aria-labelledby="years-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="years-title">
          HHS poverty guidelines
        </Title>
        <Table.ScrollContainer minWidth={640}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Year</Table.Th>
                <Table.Th>48 states and DC, 1 person</Table.Th>
                <Table.Th>Alaska, 1 person</Table.Th>
                <Table.Th>Hawaii, 1 person</Table.Th>
                <Table.Th>Source</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {years.map((y) => (
                <Table.Tr key={y.year}>
                  <Table.Td>{y.year}</Table.Td>
                  <Table.Td>
                    {wholeDollars(y.contiguous[0] ?? 0)} (+{wholeDollars(y.contiguousExtra)} beyond 8)
                  </Table.Td>
                  <Table.Td>
                    {wholeDollars(y.alaskaOne)} (+{wholeDollars(y.alaskaExtra)} each)
                  </Table.Td>
                  <Table.Td>
                    {wholeDollars(y.hawaiiOne)} (+{wholeDollars(y.hawaiiExtra)} each)
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6}>
                      <Text size="sm">{y.citation}</Text>
                      <Badge
                        variant="filled"
                        autoContrast
                        color={y.source === 'clinic' ? 'blue.9' : 'gray.7'}
                      >
                        {y.source === 'clinic' ? 'Added by the clinic' : 'Shipped'}
                      </Badge>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <AddYear />
      </Stack>
    </Card>
  );
}

type Num = number | string;

function AddYear() {
  const [year, setYear] = useState<Num>('');
  const [citation, setCitation] = useState('');
  const [contiguous, setContiguous] = useState<Num[]>(() => Array.from({ length: 8 }, () => ''));
  const [extra, setExtra] = useState<Record<string, Num>>({});
  const saving = useApiMutation(addGuidelineYear, { invalidates: [slidingScaleKeys.years()] });
  const n = (k: string) => Number(extra[k] ?? 0);
  const submit = () =>
    saving.run({
      year: Number(year),
      citation,
      contiguous: contiguous.map(Number),
      contiguousExtra: n('contiguousExtra'),
      alaskaOne: n('alaskaOne'),
      alaskaExtra: n('alaskaExtra'),
      hawaiiOne: n('hawaiiOne'),
      hawaiiExtra: n('hawaiiExtra'),
    });
  const money = (key: string, label: string) => (
    <NumberInput
      key={key}
      label={label}
      prefix="$"
      min={1}
      allowDecimal={false}
      thousandSeparator=","
      value={extra[key] ?? ''}
      onChange={(v) => setExtra({ ...extra, [key]: v })}
      error={saving.fieldErrors[key]}
      required
    />
  );
  const shown = [
    'year',
    'citation',
    'contiguous',
    'contiguousExtra',
    'alaskaOne',
    'alaskaExtra',
    'hawaiiOne',
    'hawaiiExtra',
  ];
  return (
    <form
      aria-label="Add a guideline year"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Stack gap="xs">
        <Title order={3} size="h5">
          Add a year
        </Title>
        <Text size="sm" c="dimmed">
          Copy the figures from the year’s Federal Register notice, “Annual Update of the HHS Poverty
          Guidelines”. Figures you enter for a year the product ships replace the shipped ones.
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <NumberInput
            label="Year"
            min={1990}
            max={2200}
            allowDecimal={false}
            value={year}
            onChange={setYear}
            error={saving.fieldErrors.year}
            required
          />
          <TextInput
            label="Citation"
            placeholder="e.g. 91 FR 1797"
            value={citation}
            onChange={(e) => setCitation(e.currentTarget.value)}
            error={saving.fieldErrors.citation}
            required
          />
        </SimpleGrid>
        <Text size="sm" fw={600}>
          48 states and DC
        </Text>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
          {contiguous.map((v, i) => (
            <NumberInput
              // biome-ignore lint/suspicious/noArrayIndexKey: one input per household size
              key={i}
              label={`${i + 1} ${i === 0 ? 'person' : 'persons'}`}
              prefix="$"
              min={1}
              allowDecimal={false}
              thousandSeparator=","
              value={v}
              onChange={(x) => setContiguous(contiguous.map((c, j) => (j === i ? x : c)))}
              required
            />
          ))}
        </SimpleGrid>
        {saving.fieldErrors.contiguous && (
          <Text size="sm" c="red.9">
            {saving.fieldErrors.contiguous}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
          {money('contiguousExtra', '48 states and DC, each extra person')}
          {money('alaskaOne', 'Alaska, 1 person')}
          {money('alaskaExtra', 'Alaska, each extra person')}
          {money('hawaiiOne', 'Hawaii, 1 person')}
          {money('hawaiiExtra', 'Hawaii, each extra person')}
        </SimpleGrid>
        <ErrorAlert error={saving.error} title="Could not add the year" extra={saving.unplaced(shown)} />
        <Group>
          <Button type="submit" loading={saving.busy}>
            Add the year
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

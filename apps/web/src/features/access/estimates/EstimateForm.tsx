/**
 * The form for a new good-faith estimate: the primary service, why it is owed (a booked service or the patient's
 * request), the scheduled date, the period it covers (at most 12 months) and its lines — prefilled with an induction
 * course of six IV infusions whose codes and amounts the user edits. Saved as a draft or issued at once.
 */
import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  NumberInput,
  SegmentedControl,
  Stack,
  Table,
  TextInput,
} from '@mantine/core';
import type { CreateEstimateRequest, PriceListItem, ServiceKey } from '@plasticity/contracts';
import { useState } from 'react';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../../ui/LoadingState.tsx';
import { useApiMutation } from '../../../ui/useApiMutation.ts';
import { useClinicTime } from '../../../ui/useClinicTime.ts';
import { addDays, clinicToday } from '../../scheduling/clinicClock.ts';
import { usePrices } from '../billing/queries.ts';
import { createEstimate } from './api.ts';
import { estimateKeys } from './queries.ts';

interface LineDraft {
  serviceCode: string;
  description: string;
  diagnosisCodes: string;
  quantity: number;
  unitDollars: number;
  separateScheduling: boolean;
}

/**
 * The induction course template. Each line's amount is the clinic's price in force today for its service (the
 * price list); a service without a price keeps the amount shown here for the user to edit.
 */
const COURSE_TEMPLATE: Array<LineDraft & { serviceKey: ServiceKey }> = [
  {
    serviceKey: 'consultation',
    serviceCode: '99214',
    description: 'Medical review before the course',
    diagnosisCodes: 'F33.2',
    quantity: 1,
    unitDollars: 250,
    separateScheduling: false,
  },
  {
    serviceKey: 'iv_infusion',
    serviceCode: '96365',
    description: 'IV ketamine infusion, first hour',
    diagnosisCodes: 'F33.2',
    quantity: 6,
    unitDollars: 450,
    separateScheduling: false,
  },
  {
    serviceKey: 'integration_session',
    serviceCode: '90837',
    description: 'Integration psychotherapy after the course',
    diagnosisCodes: 'F33.2',
    quantity: 1,
    unitDollars: 200,
    separateScheduling: true,
  },
];

const toBody = (l: LineDraft) => ({
  serviceCode: l.serviceCode,
  description: l.description,
  diagnosisCodes: l.diagnosisCodes
    .split(/[,\s]+/)
    .map((c) => c.trim())
    .filter(Boolean),
  quantity: l.quantity,
  unitChargeCents: Math.round(l.unitDollars * 100),
  separateScheduling: l.separateScheduling,
});

/** The template's lines priced from the clinic's current price list. */
function courseLines(current: readonly PriceListItem[]): LineDraft[] {
  return COURSE_TEMPLATE.map(({ serviceKey, ...line }) => {
    const price = current.find((p) => p.serviceKey === serviceKey);
    return price ? { ...line, unitDollars: price.amountCents / 100 } : line;
  });
}

export function EstimateForm(props: { patientId: string; onDone: () => void }) {
  const prices = usePrices();
  if (prices.isPending) return <LoadingState label="Loading the price list…" />;
  // Without a price list (none yet, or it could not be read) the template keeps its amounts to edit.
  return <EstimateFormBody {...props} initialLines={courseLines(prices.data?.current ?? [])} />;
}

function EstimateFormBody({
  patientId,
  onDone,
  initialLines,
}: {
  patientId: string;
  onDone: () => void;
  initialLines: LineDraft[];
}) {
  const { timeZone } = useClinicTime();
  const today = clinicToday(timeZone);
  const [primaryService, setPrimaryService] = useState('Induction course of six IV ketamine infusions');
  const [trigger, setTrigger] = useState<'scheduled' | 'requested'>('requested');
  const [scheduledOn, setScheduledOn] = useState('');
  const [periodFrom, setPeriodFrom] = useState(today);
  const [periodTo, setPeriodTo] = useState(addDays(today, 90));
  const [lines, setLines] = useState<LineDraft[]>(initialLines);
  const saving = useApiMutation((body: CreateEstimateRequest) => createEstimate(patientId, body), {
    invalidates: [estimateKeys.all],
  });
  const field = (f: string) => saving.fieldErrors[f];
  const setLine = (i: number, patch: Partial<LineDraft>) =>
    setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const save = async (issue: boolean) => {
    const r = await saving.run({
      primaryService,
      trigger,
      ...(scheduledOn ? { scheduledOn } : {}),
      periodFrom,
      periodTo,
      lines: lines.map(toBody),
      issue,
    });
    if (r.ok) onDone();
  };
  return (
    <Stack gap="xs">
      <TextInput
        label="Primary service"
        value={primaryService}
        onChange={(e) => setPrimaryService(e.currentTarget.value)}
        error={field('primaryService')}
      />
      <SegmentedControl
        aria-label="Reason for the estimate"
        value={trigger}
        onChange={(v) => setTrigger(v === 'scheduled' ? 'scheduled' : 'requested')}
        data={[
          { value: 'requested', label: 'The patient asked' },
          { value: 'scheduled', label: 'Service scheduled' },
        ]}
      />
      <Group grow align="start">
        <TextInput
          type="date"
          label="Scheduled date"
          value={scheduledOn}
          onChange={(e) => setScheduledOn(e.currentTarget.value)}
          error={field('scheduledOn')}
        />
        <TextInput
          type="date"
          label="Covers from"
          value={periodFrom}
          onChange={(e) => setPeriodFrom(e.currentTarget.value)}
          error={field('periodFrom')}
        />
        <TextInput
          type="date"
          label="Covers to"
          description="At most 12 months"
          value={periodTo}
          onChange={(e) => setPeriodTo(e.currentTarget.value)}
          error={field('periodTo')}
        />
      </Group>
      <Table aria-label="Items and services">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Service code</Table.Th>
            <Table.Th>Description</Table.Th>
            <Table.Th>Diagnosis codes</Table.Th>
            <Table.Th>Quantity</Table.Th>
            <Table.Th>Charge each ($)</Table.Th>
            <Table.Th>Scheduled separately</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((l, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved
            <Table.Tr key={i}>
              <Table.Td>
                <TextInput
                  aria-label={`Service code, line ${i + 1}`}
                  value={l.serviceCode}
                  onChange={(e) => setLine(i, { serviceCode: e.currentTarget.value })}
                />
              </Table.Td>
              <Table.Td>
                <TextInput
                  aria-label={`Description, line ${i + 1}`}
                  value={l.description}
                  onChange={(e) => setLine(i, { description: e.currentTarget.value })}
                />
              </Table.Td>
              <Table.Td>
                <TextInput
                  aria-label={`Diagnosis codes, line ${i + 1}`}
                  value={l.diagnosisCodes}
                  onChange={(e) => setLine(i, { diagnosisCodes: e.currentTarget.value })}
                />
              </Table.Td>
              <Table.Td>
                <NumberInput
                  aria-label={`Quantity, line ${i + 1}`}
                  min={1}
                  value={l.quantity}
                  onChange={(v) => setLine(i, { quantity: Number(v) || 1 })}
                />
              </Table.Td>
              <Table.Td>
                <NumberInput
                  aria-label={`Charge each, line ${i + 1}`}
                  min={0}
                  decimalScale={2}
                  value={l.unitDollars}
                  onChange={(v) => setLine(i, { unitDollars: Number(v) || 0 })}
                />
              </Table.Td>
              <Table.Td>
                <Checkbox
                  aria-label={`Scheduled separately, line ${i + 1}`}
                  checked={l.separateScheduling}
                  onChange={(e) => setLine(i, { separateScheduling: e.currentTarget.checked })}
                />
              </Table.Td>
              <Table.Td>
                <ActionIcon
                  variant="subtle"
                  c="red.9"
                  aria-label={`Remove line ${i + 1}`}
                  onClick={() => setLines((ls) => ls.filter((_, j) => j !== i))}
                >
                  ×
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group>
        <Button
          variant="subtle"
          size="xs"
          onClick={() =>
            setLines((ls) => [
              ...ls,
              {
                serviceCode: '',
                description: '',
                diagnosisCodes: '',
                quantity: 1,
                unitDollars: 0,
                separateScheduling: false,
              },
            ])
          }
        >
          Add a line
        </Button>
      </Group>
      <ErrorAlert
        error={saving.error}
        title="The estimate was not saved"
        extra={saving.unplaced(['primaryService', 'scheduledOn', 'periodFrom', 'periodTo'])}
      />
      <Group>
        <Button onClick={() => void save(true)} loading={saving.busy}>
          Issue estimate
        </Button>
        <Button variant="default" onClick={() => void save(false)} disabled={saving.busy}>
          Save as draft
        </Button>
      </Group>
    </Stack>
  );
}

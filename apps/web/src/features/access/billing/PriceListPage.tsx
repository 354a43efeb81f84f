/**
 * The admin's price list: the price in force per service and every earlier price. A new price takes effect from
 * a date; the one before it ends the day before (prices are never changed in place). Below, each clinician's NPI
 * for superbills.
 */

import { Button, Card, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import {
  formatUsd,
  parseUsd,
  SERVICE_KEYS,
  SERVICE_LABELS,
  type ServiceKey,
} from '@plasticity/clinical/billing';
import { useState } from 'react';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../../ui/LoadingState.tsx';
import { useApiMutation } from '../../../ui/useApiMutation.ts';
import { useClinicTime } from '../../../ui/useClinicTime.ts';
import { setPrice } from './api.ts';
import { ClinicianNpiCard } from './ClinicianNpiCard.tsx';
import { billingKeys, usePrices } from './queries.ts';

function NewPriceForm() {
  const t = useClinicTime();
  const [serviceKey, setServiceKey] = useState<ServiceKey>('iv_infusion');
  const [amount, setAmount] = useState('');
  const [from, setFrom] = useState(() => t.date(new Date().toISOString()));
  const [amountError, setAmountError] = useState<string | null>(null);
  const saving = useApiMutation(setPrice, { invalidates: [billingKeys.prices()] });
  const save = async () => {
    const cents = parseUsd(amount);
    if (cents === null) {
      setAmountError('Enter an amount in dollars, such as 450 or 450.00');
      return;
    }
    setAmountError(null);
    const r = await saving.run({ serviceKey, amountCents: cents, effectiveFrom: from });
    if (r.ok) setAmount('');
  };
  return (
    <Card withBorder component="section" aria-label="New price">
      <Title order={3} size="h4" mb="xs">
        Set a new price
      </Title>
      <Group align="start" grow>
        <Select
          label="Service"
          data={SERVICE_KEYS.map((k) => ({ value: k, label: SERVICE_LABELS[k] }))}
          value={serviceKey}
          onChange={(v) => v && setServiceKey(v as ServiceKey)}
          allowDeselect={false}
        />
        <TextInput
          label="Amount in dollars"
          inputMode="decimal"
          value={amount}
          onChange={(e) => setAmount(e.currentTarget.value)}
          error={amountError ?? saving.fieldErrors.amountCents}
        />
        <TextInput
          label="In force from"
          type="date"
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
          error={saving.fieldErrors.effectiveFrom}
        />
      </Group>
      <ErrorAlert
        error={saving.error}
        title="The price was not saved"
        extra={saving.unplaced(['amountCents', 'effectiveFrom'])}
      />
      <Group mt="sm">
        <Button onClick={save} loading={saving.busy}>
          Save price
        </Button>
      </Group>
    </Card>
  );
}

export function PriceListPage() {
  const q = usePrices();
  if (q.error) return <ErrorAlert error={q.error} title="Could not load the price list" />;
  if (!q.data) return <LoadingState />;
  const current = new Set(q.data.current.map((i) => i.id));
  return (
    <Stack gap="md">
      <Title order={1}>Price list</Title>
      <NewPriceForm />
      <Card withBorder component="section" aria-label="Prices">
        {q.data.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            No prices yet.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={520}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Service</Table.Th>
                  <Table.Th>Amount</Table.Th>
                  <Table.Th>From</Table.Th>
                  <Table.Th>Until</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {q.data.items.map((i) => (
                  <Table.Tr key={i.id} fw={current.has(i.id) ? 600 : undefined}>
                    <Table.Td>{i.label}</Table.Td>
                    <Table.Td>{formatUsd(i.amountCents)}</Table.Td>
                    <Table.Td>{i.effectiveFrom}</Table.Td>
                    <Table.Td>
                      {i.effectiveTo ?? (current.has(i.id) ? 'In force' : 'Not yet in force')}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      <ClinicianNpiCard />
    </Stack>
  );
}

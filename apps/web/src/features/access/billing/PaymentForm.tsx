/** Records a payment taken by hand: amount in dollars, method and an optional reference (no card processing). */

import { Button, Group, SegmentedControl, Stack, TextInput } from '@mantine/core';
import { parseUsd } from '@plasticity/clinical/billing';
import type { PaymentMethod } from '@plasticity/contracts';
import { useState } from 'react';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { useApiMutation } from '../../../ui/useApiMutation.ts';
import { recordPayment } from './api.ts';
import { billingKeys } from './queries.ts';

const METHODS: Array<{ value: PaymentMethod; label: string }> = [
  { value: 'card', label: 'Card' },
  { value: 'cash', label: 'Cash' },
  { value: 'hsa_fsa', label: 'HSA or FSA' },
  { value: 'cheque', label: 'Cheque' },
];

export function PaymentForm({ patientId, onDone }: { patientId: string; onDone: () => void }) {
  const [amount, setAmount] = useState('');
  const [method, setMethod] = useState<PaymentMethod>('card');
  const [reference, setReference] = useState('');
  const [amountError, setAmountError] = useState<string | null>(null);
  const saving = useApiMutation(
    (body: Parameters<typeof recordPayment>[1]) => recordPayment(patientId, body),
    {
      invalidates: [billingKeys.patient(patientId)],
    },
  );
  const save = async () => {
    const cents = parseUsd(amount);
    if (cents === null || cents <= 0) {
      setAmountError('Enter an amount in dollars, such as 150 or 150.00');
      return;
    }
    setAmountError(null);
    const r = await saving.run({
      amountCents: cents,
      method,
      ...(reference.trim() ? { reference: reference.trim() } : {}),
    });
    if (r.ok) onDone();
  };
  return (
    <Stack gap="xs" mb="sm">
      <Group grow align="start">
        <TextInput
          label="Amount in dollars"
          inputMode="decimal"
          value={amount}
          onChange={(e) => setAmount(e.currentTarget.value)}
          error={amountError ?? saving.fieldErrors.amountCents}
        />
        <TextInput
          label="Reference"
          description="Optional, such as a cheque number"
          value={reference}
          onChange={(e) => setReference(e.currentTarget.value)}
          error={saving.fieldErrors.reference}
        />
      </Group>
      <SegmentedControl
        aria-label="Payment method"
        data={METHODS}
        value={method}
        onChange={(v) => setMethod(v as PaymentMethod)}
      />
      <ErrorAlert
        error={saving.error}
        title="The payment was not recorded"
        extra={saving.unplaced(['amountCents', 'method', 'reference'])}
      />
      <Group>
        <Button onClick={save} loading={saving.busy}>
          Record payment
        </Button>
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * Adds a charge by hand: date of service, service, procedure code and units, diagnosis codes, and the amount
 * (left empty, the price in force for the service on that date applies).
 */

import { Button, Group, MultiSelect, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import {
  DIAGNOSIS_CODES,
  PROCEDURE_CODES,
  parseUsd,
  SERVICE_KEYS,
  SERVICE_LABELS,
  type ServiceKey,
} from '@plasticity/clinical/billing';
import { useState } from 'react';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { useApiMutation } from '../../../ui/useApiMutation.ts';
import { useClinicTime } from '../../../ui/useClinicTime.ts';
import { addCharge } from './api.ts';
import { billingKeys } from './queries.ts';

export function AddChargeForm({ patientId, onDone }: { patientId: string; onDone: () => void }) {
  const t = useClinicTime();
  const [serviceDate, setServiceDate] = useState(() => t.date(new Date().toISOString()));
  const [serviceKey, setServiceKey] = useState<ServiceKey>('integration_session');
  const [code, setCode] = useState<string | null>('90837');
  const [units, setUnits] = useState<number>(1);
  const [icd10, setIcd10] = useState<string[]>([]);
  const [amount, setAmount] = useState('');
  const [amountError, setAmountError] = useState<string | null>(null);
  const saving = useApiMutation((body: Parameters<typeof addCharge>[1]) => addCharge(patientId, body), {
    invalidates: [billingKeys.patient(patientId)],
  });
  const field = (f: string) => saving.fieldErrors[f];
  const save = async () => {
    const cents = amount.trim() ? parseUsd(amount) : undefined;
    if (cents === null) {
      setAmountError('Enter an amount in dollars, such as 150 or 150.00');
      return;
    }
    setAmountError(null);
    const r = await saving.run({
      serviceDate,
      serviceKey,
      code: code ?? '',
      units,
      icd10Codes: icd10,
      ...(cents !== undefined ? { amountCents: cents } : {}),
    });
    if (r.ok) onDone();
  };
  return (
    <Stack gap="xs" mb="sm">
      <Group grow align="start">
        <TextInput
          label="Date of service"
          type="date"
          value={serviceDate}
          onChange={(e) => setServiceDate(e.currentTarget.value)}
          error={field('serviceDate')}
        />
        <Select
          label="Service"
          data={SERVICE_KEYS.map((k) => ({ value: k, label: SERVICE_LABELS[k] }))}
          value={serviceKey}
          onChange={(v) => v && setServiceKey(v as ServiceKey)}
          allowDeselect={false}
          error={field('serviceKey')}
        />
      </Group>
      <Group grow align="start">
        <Select
          label="Procedure code"
          searchable
          data={PROCEDURE_CODES.map((c) => ({ value: c.code, label: `${c.code} ${c.description}` }))}
          value={code}
          onChange={setCode}
          error={field('code')}
        />
        <NumberInput
          label="Units"
          min={1}
          max={99}
          value={units}
          onChange={(v) => setUnits(typeof v === 'number' ? v : 1)}
          error={field('units')}
        />
      </Group>
      <MultiSelect
        label="Diagnosis codes"
        searchable
        data={DIAGNOSIS_CODES.map((c) => ({ value: c.code, label: `${c.code} ${c.description}` }))}
        value={icd10}
        onChange={setIcd10}
        error={field('icd10Codes')}
      />
      <TextInput
        label="Amount in dollars"
        description="Leave empty to use the price list"
        inputMode="decimal"
        value={amount}
        onChange={(e) => setAmount(e.currentTarget.value)}
        error={amountError ?? field('amountCents')}
      />
      <ErrorAlert
        error={saving.error}
        title="The charge was not added"
        extra={saving.unplaced(['serviceDate', 'serviceKey', 'code', 'units', 'icd10Codes', 'amountCents'])}
      />
      <Group>
        <Button onClick={save} loading={saving.busy}>
          Add charge
        </Button>
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
      </Group>
    </Stack>
  );
}

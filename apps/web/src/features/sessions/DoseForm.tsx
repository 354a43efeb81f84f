/**
 * Records a dose (issue 6 §3). Drawn from a register container, the register records the draw, the
 * administration and the witnessed waste of any remainder with it (lot and expiry follow from the
 * container); otherwise lot and expiry are typed. Errors show beside the field the server names.
 */
import { Button, Group, NumberInput, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { fieldErrorsOf, unplacedFieldErrors } from '../../api/errors.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { recordDose, type SessionRecord } from './api.ts';
import {
  EMPTY_REGISTER_DOSE,
  RegisterDoseFields,
  type RegisterDoseValue,
  registerFields,
  useDoseStock,
} from './RegisterDoseFields.tsx';

const SHOWN = ['doseMg', 'containerId', 'drawnMl', 'volumeMl', 'wasteWitness', 'lot', 'expiry'];

export function DoseForm({ s, onChange }: { s: SessionRecord; onChange: (s?: SessionRecord) => void }) {
  const [doseMg, setDoseMg] = useState<number | string>(s.protocol.drug === 'esketamine' ? 56 : '');
  const [lot, setLot] = useState('');
  const [expiry, setExpiry] = useState('');
  const [register, setRegister] = useState<RegisterDoseValue>(EMPTY_REGISTER_DOSE);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const stock = useDoseStock(s.protocol.drug);
  const container = stock.containers.find((c) => c.id === register.containerId);
  const errors = fieldErrorsOf(error);

  const save = async () => {
    setError(null);
    setBusy(true);
    try {
      const next = await recordDose(s.id, {
        doseMg: Number(doseMg),
        startedAt: new Date().toISOString(),
        ...(container
          ? registerFields(container, register)
          : { ...(lot.trim() ? { lot: lot.trim() } : {}), ...(expiry ? { expiry } : {}) }),
      });
      setRegister(EMPTY_REGISTER_DOSE);
      setLot('');
      setExpiry('');
      stock.reload();
      onChange(next);
    } catch (e) {
      setError(e);
      // A witness re-types their password for every attempt; it is never kept.
      setRegister((r) => ({ ...r, witness: { ...r.witness, password: '' } }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="xs">
      <NumberInput
        label="Dose (mg)"
        value={doseMg}
        onChange={setDoseMg}
        w={120}
        hideControls
        error={errors.doseMg}
      />
      {(stock.containers.length > 0 || register.containerId) && (
        <RegisterDoseFields
          containers={stock.containers}
          value={register}
          onChange={setRegister}
          errors={errors}
        />
      )}
      {!container && (
        <Group align="flex-end">
          <TextInput
            label="Lot"
            value={lot}
            onChange={(e) => setLot(e.currentTarget.value)}
            w={140}
            error={errors.lot}
          />
          <TextInput
            label="Expiry"
            type="date"
            value={expiry}
            onChange={(e) => setExpiry(e.currentTarget.value)}
            w={160}
            error={errors.expiry}
          />
        </Group>
      )}
      <Group>
        <Button onClick={save} disabled={doseMg === ''} loading={busy}>
          Record dose
        </Button>
      </Group>
      <ErrorAlert error={error} title="Dose not recorded" extra={unplacedFieldErrors(errors, SHOWN)} />
      <ErrorAlert error={stock.error} title="Could not load the register stock" />
    </Stack>
  );
}

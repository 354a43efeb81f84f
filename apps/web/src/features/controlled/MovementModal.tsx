import { Alert, Button, Group, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { useClinicTime } from '../../ui/useClinicTime.ts';
import { recordMovement, type Stock, type Witness } from './api.ts';
import { Choice } from './Choice.tsx';
import { controlledKeys, useRegisterConfig, useRegisterPatients } from './queries.ts';
import { WitnessFields } from './WitnessFields.tsx';

const TYPES = [
  { value: 'draw', label: 'Draw for a patient' },
  { value: 'administer', label: 'Administer (from a draw)' },
  { value: 'waste', label: 'Waste (witnessed)' },
  { value: 'open', label: 'Open container' },
  { value: 'receipt', label: 'Receipt into this container' },
  { value: 'transfer', label: 'Transfer to another location' },
  { value: 'adjust', label: 'Adjust count (witnessed)' },
  { value: 'return', label: 'Return to supplier' },
  { value: 'destroy', label: 'Destroy (DEA-41, two witnesses)' },
];
const NO_QUANTITY = new Set(['open', 'transfer']);
const EMPTY_WITNESS: Witness = { email: '', password: '' };

/**
 * One key per opened form: if an answer is lost and the user submits again, the server returns the
 * first answer instead of recording the movement twice. getRandomValues, unlike randomUUID, also
 * works on a plain-HTTP network address.
 */
function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `mv-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

interface Props {
  container: Stock;
  onClose: () => void;
  onDone: () => void;
}

/** Records one movement against a container; the server validates and answers with the new balance. */
export function MovementModal({ container, onClose, onDone }: Props) {
  const { date } = useClinicTime();
  const config = useRegisterConfig();
  const patients = useRegisterPatients();
  const [type, setType] = useState<string>(container.outstandingDraws.length > 0 ? 'administer' : 'draw');
  const [quantity, setQuantity] = useState('');
  const [patientId, setPatientId] = useState<string | null>(null);
  const [sessionId, setSessionId] = useState('');
  const [drawId, setDrawId] = useState<string | null>(container.outstandingDraws[0]?.id ?? null);
  const [wasteFrom, setWasteFrom] = useState<'draw' | 'container'>(
    container.outstandingDraws.length > 0 ? 'draw' : 'container',
  );
  const [reason, setReason] = useState('');
  const [witness, setWitness] = useState<Witness>(EMPTY_WITNESS);
  const [witness2, setWitness2] = useState<Witness>(EMPTY_WITNESS);
  const [toLocationId, setToLocationId] = useState<string | null>(null);
  const [supplierId, setSupplierId] = useState<string | null>(null);
  const [invoice, setInvoice] = useState('');
  const [recipient, setRecipient] = useState({ name: '', address: '', deaNumber: '' });
  const [dea41, setDea41] = useState({ destroyedOn: date(new Date().toISOString()), method: '' });
  const recording = useApiMutation(recordMovement, { invalidates: [controlledKeys.all] });
  const { error, busy } = recording;
  const [done, setDone] = useState<string | null>(null);
  const [idempotencyKey] = useState(newIdempotencyKey);
  const errors = recording.fieldErrors;
  const patientName = new Map(
    (patients.data ?? []).map((p) => [p.id, `${p.lastName}, ${p.firstName} (${p.mrn})`]),
  );
  const draws = container.outstandingDraws.map((d) => ({
    value: d.id,
    label: `${d.outstanding} ${container.unit} not yet accounted — ${patientName.get(d.patientId) ?? 'patient'}`,
  }));
  const usesDraw = type === 'administer' || (type === 'waste' && wasteFrom === 'draw');
  const witnessed = type === 'waste' || type === 'adjust' || type === 'destroy';

  const submit = async () => {
    const body: Record<string, unknown> = { type, containerId: container.id, idempotencyKey };
    if (!NO_QUANTITY.has(type)) Object.assign(body, { quantity: quantity.trim(), unit: container.unit });
    if (type === 'draw')
      Object.assign(body, { patientId: patientId ?? undefined, sessionId: sessionId.trim() || undefined });
    if (usesDraw) body.drawId = drawId ?? undefined;
    if (type === 'waste') body.from = wasteFrom;
    if (['waste', 'adjust', 'return'].includes(type) && reason.trim()) body.reason = reason.trim();
    if (witnessed) body.witness = witness.email || witness.password ? witness : undefined;
    if (type === 'destroy')
      Object.assign(body, { witness2: witness2.email || witness2.password ? witness2 : undefined, dea41 });
    if (type === 'transfer') body.toLocationId = toLocationId ?? undefined;
    if (type === 'receipt')
      Object.assign(body, { supplierId: supplierId ?? undefined, invoice: invoice.trim() || undefined });
    if (type === 'return') body.recipient = recipient;
    const r = await recording.run(body);
    if (r.ok) {
      setDone(`Recorded. ${container.label} now holds ${r.data.balance} ${r.data.unit}.`);
      setWitness(EMPTY_WITNESS);
      setWitness2(EMPTY_WITNESS);
    } else {
      setWitness({ ...witness, password: '' });
      setWitness2({ ...witness2, password: '' });
    }
  };

  return (
    <Modal
      opened
      closeButtonProps={{ 'aria-label': 'Close' }}
      onClose={done ? onDone : onClose}
      title={`Record movement — ${container.label}`}
      size="lg"
    >
      {done ? (
        <Stack>
          <Alert color="teal" role="status">
            {done}
          </Alert>
          <Group justify="flex-end">
            <Button onClick={onDone}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="sm">
          <Text size="sm">
            {container.product}, lot {container.lot}: {container.balance} {container.unit} in the container
          </Text>
          <Choice
            label="Movement"
            data={TYPES}
            value={type}
            onChange={(v) => v && setType(v)}
            clearable={false}
            name="type"
          />
          {!NO_QUANTITY.has(type) && (
            <TextInput
              label={`Quantity (${container.unit})`}
              description={
                type === 'adjust'
                  ? 'Negative to lower the count, positive to raise it'
                  : 'Exact decimal, e.g. 1.5'
              }
              inputMode="decimal"
              name="quantity"
              value={quantity}
              onChange={(e) => setQuantity(e.currentTarget.value)}
              error={errors.quantity}
            />
          )}
          {type === 'draw' && (
            <>
              <Choice
                label="Patient"
                name="patientId"
                data={(patients.data ?? []).map((p) => ({
                  value: p.id,
                  label: patientName.get(p.id) ?? p.id,
                }))}
                value={patientId}
                onChange={setPatientId}
                error={errors.patientId}
              />
              <TextInput
                label="Dosing session id (optional)"
                name="sessionId"
                value={sessionId}
                onChange={(e) => setSessionId(e.currentTarget.value)}
                error={errors.sessionId}
              />
            </>
          )}
          {type === 'waste' && (
            <SegmentedControl
              aria-label="Waste from"
              value={wasteFrom}
              onChange={(v) => setWasteFrom(v as 'draw' | 'container')}
              data={[
                { value: 'draw', label: 'Remainder of a draw' },
                { value: 'container', label: 'Straight from the container' },
              ]}
            />
          )}
          {usesDraw && (
            <Choice
              label="Draw"
              name="drawId"
              data={draws}
              value={drawId}
              onChange={setDrawId}
              error={errors.drawId}
              placeholder={draws.length ? 'Choose…' : 'No open draws on this container'}
            />
          )}
          {['waste', 'adjust', 'return'].includes(type) && (
            <TextInput
              label="Reason"
              name="reason"
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={errors.reason}
            />
          )}
          {type === 'transfer' && (
            <Choice
              label="To location"
              name="toLocationId"
              data={(config.data?.locations ?? [])
                .filter((l) => l.id !== container.locationId)
                .map((l) => ({ value: l.id, label: l.name }))}
              value={toLocationId}
              onChange={setToLocationId}
              error={errors.toLocationId}
            />
          )}
          {type === 'receipt' && (
            <>
              <Choice
                label="Supplier"
                name="supplierId"
                data={(config.data?.suppliers ?? []).map((s) => ({ value: s.id, label: s.name }))}
                value={supplierId}
                onChange={setSupplierId}
                error={errors.supplierId}
              />
              <TextInput
                label="Invoice"
                name="invoice"
                value={invoice}
                onChange={(e) => setInvoice(e.currentTarget.value)}
              />
            </>
          )}
          {type === 'return' && (
            <>
              <TextInput
                label="Recipient name"
                value={recipient.name}
                onChange={(e) => setRecipient({ ...recipient, name: e.currentTarget.value })}
                error={errors['recipient.name'] ?? errors.recipient}
              />
              <TextInput
                label="Recipient address"
                value={recipient.address}
                onChange={(e) => setRecipient({ ...recipient, address: e.currentTarget.value })}
                error={errors['recipient.address']}
              />
              <TextInput
                label="Recipient DEA number"
                value={recipient.deaNumber}
                onChange={(e) => setRecipient({ ...recipient, deaNumber: e.currentTarget.value })}
                error={errors['recipient.deaNumber']}
              />
            </>
          )}
          {type === 'destroy' && (
            <>
              <TextInput
                label="Destroyed on"
                type="date"
                value={dea41.destroyedOn}
                onChange={(e) => setDea41({ ...dea41, destroyedOn: e.currentTarget.value })}
                error={errors['dea41.destroyedOn']}
              />
              <TextInput
                label="Method"
                placeholder="e.g. chemical digestion kit"
                value={dea41.method}
                onChange={(e) => setDea41({ ...dea41, method: e.currentTarget.value })}
                error={errors['dea41.method']}
              />
            </>
          )}
          {witnessed && (
            <WitnessFields legend="Witness" value={witness} onChange={setWitness} error={errors.witness} />
          )}
          {type === 'destroy' && (
            <WitnessFields
              legend="Second witness"
              name="witness2"
              value={witness2}
              onChange={setWitness2}
              error={errors.witness2}
            />
          )}
          <ErrorAlert error={error} title="Not recorded" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button onClick={submit} loading={busy}>
              Record
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { receiveStock } from './api.ts';
import { Choice } from './Choice.tsx';
import { controlledKeys, useRegisterConfig } from './queries.ts';

/** Receives a new stock unit with its receipt (21 CFR 1304.22(c): date, quantity, supplier, invoice). */
export function ReceiveModal({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const config = useRegisterConfig();
  const [v, setV] = useState({
    productId: '',
    lot: '',
    expiresOn: '',
    label: '',
    locationId: '',
    quantity: '',
    supplierId: '',
    invoice: '',
  });
  const receiving = useApiMutation(receiveStock, { invalidates: [controlledKeys.all] });
  const { error, busy } = receiving;
  const errors = receiving.fieldErrors;
  const product = config.data?.products.find((p) => p.id === v.productId);
  const set = (k: keyof typeof v) => (val: string | null) => setV({ ...v, [k]: val ?? '' });
  const submit = async () => {
    const result = await receiving.run({
      productId: v.productId,
      lot: v.lot,
      expiresOn: v.expiresOn,
      label: v.label || undefined,
      locationId: v.locationId,
      receipt: { quantity: v.quantity, supplierId: v.supplierId, invoice: v.invoice || undefined },
    });
    if (result.ok) onDone();
  };
  return (
    <Modal
      opened
      closeButtonProps={{ 'aria-label': 'Close' }}
      onClose={onClose}
      title="Receive stock"
      size="lg"
    >
      <Stack gap="sm">
        <Choice
          label="Product"
          data={(config.data?.products ?? []).map((p) => ({ value: p.id, label: p.display }))}
          value={v.productId || null}
          onChange={set('productId')}
          error={errors.productId}
        />
        <Group grow>
          <TextInput
            label="Lot"
            value={v.lot}
            onChange={(e) => set('lot')(e.currentTarget.value)}
            error={errors.lot}
          />
          <TextInput
            label="Expires on"
            type="date"
            value={v.expiresOn}
            onChange={(e) => set('expiresOn')(e.currentTarget.value)}
            error={errors.expiresOn}
          />
          <TextInput
            label="Container label"
            placeholder="e.g. Vial K-007"
            value={v.label}
            onChange={(e) => set('label')(e.currentTarget.value)}
          />
        </Group>
        <Choice
          label="Location"
          data={(config.data?.locations ?? []).map((l) => ({ value: l.id, label: l.name }))}
          value={v.locationId || null}
          onChange={set('locationId')}
          error={errors.locationId}
        />
        <Group grow>
          <TextInput
            label={`Quantity received${product ? ` (${product.unit})` : ''}`}
            inputMode="decimal"
            value={v.quantity}
            onChange={(e) => set('quantity')(e.currentTarget.value)}
            error={errors['receipt.quantity'] ?? errors.quantity}
          />
          <Choice
            label="Supplier"
            data={(config.data?.suppliers ?? []).map((s) => ({ value: s.id, label: s.name }))}
            value={v.supplierId || null}
            onChange={set('supplierId')}
            error={errors['receipt.supplierId'] ?? errors.supplierId}
          />
          <TextInput
            label="Invoice"
            value={v.invoice}
            onChange={(e) => set('invoice')(e.currentTarget.value)}
          />
        </Group>
        <ErrorAlert error={error} title="Not received" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={submit} loading={busy}>
            Receive
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

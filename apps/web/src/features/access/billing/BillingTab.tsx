/**
 * The chart's Billing tab (front desk, admin, prescriber): the balance, charges (voided ones marked, void with a
 * reason, add a charge), payments (record one, void with a reason, download its receipt) and the superbill for a
 * date range. Amounts are shown in US dollars; codes are shown as billing codes (their meaning beside them).
 */

import {
  Badge,
  Button,
  Card,
  Group,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { billingCode, formatUsd } from '@plasticity/clinical/billing';
import { useState } from 'react';
import type { ChartTabProps } from '../../../app/registry.ts';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../../ui/LoadingState.tsx';
import { useApiMutation } from '../../../ui/useApiMutation.ts';
import { useClinicTime } from '../../../ui/useClinicTime.ts';
import { EstimatesCard } from '../estimates/EstimatesCard.tsx';
import { SlidingScaleCard } from '../sliding-scale/SlidingScaleCard.tsx';
import { AddChargeForm } from './AddChargeForm.tsx';
import { downloadReceipt, voidCharge, voidPayment } from './api.ts';
import { PaymentForm } from './PaymentForm.tsx';
import { billingKeys, useBalance, useCharges, usePayments } from './queries.ts';
import { SuperbillCard } from './SuperbillCard.tsx';

const METHOD_LABELS = { cash: 'Cash', card: 'Card', hsa_fsa: 'HSA or FSA', cheque: 'Cheque' } as const;

function VoidButton({ onVoid, busy }: { onVoid: (reason: string) => Promise<boolean>; busy: boolean }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (!open) {
    return (
      <Button variant="subtle" size="compact-xs" c="red.9" onClick={() => setOpen(true)}>
        Void
      </Button>
    );
  }
  return (
    <Group gap={4} wrap="nowrap">
      <TextInput
        size="xs"
        aria-label="Reason for voiding"
        placeholder="Reason"
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
      />
      <Button
        size="compact-xs"
        color="red"
        loading={busy}
        disabled={!reason.trim()}
        onClick={async () => {
          if (await onVoid(reason.trim())) setOpen(false);
        }}
      >
        Confirm void
      </Button>
    </Group>
  );
}

export function BillingTab({ patient }: ChartTabProps) {
  const t = useClinicTime();
  const charges = useCharges(patient.id);
  const payments = usePayments(patient.id);
  const balance = useBalance(patient.id);
  const [adding, setAdding] = useState(false);
  const [paying, setPaying] = useState(false);
  const invalidates = [billingKeys.patient(patient.id)];
  const voidingCharge = useApiMutation(
    (v: { id: string; reason: string }) => voidCharge(patient.id, v.id, v.reason),
    { invalidates },
  );
  const voidingPayment = useApiMutation(
    (v: { id: string; reason: string }) => voidPayment(patient.id, v.id, v.reason),
    { invalidates },
  );
  const [receiptError, setReceiptError] = useState<unknown>(null);
  const error = charges.error ?? payments.error ?? balance.error;
  if (error) return <ErrorAlert error={error} title="Could not load billing" />;
  if (!charges.data || !payments.data || !balance.data) return <LoadingState />;
  return (
    <Stack gap="md">
      <SlidingScaleCard patientId={patient.id} />
      <EstimatesCard patientId={patient.id} />
      <Card withBorder component="section" aria-label="Balance">
        <Group gap="xl">
          <div>
            <Text size="sm" c="dimmed">
              Charged
            </Text>
            <Text fw={600}>{formatUsd(balance.data.chargedCents)}</Text>
          </div>
          <div>
            <Text size="sm" c="dimmed">
              Paid
            </Text>
            <Text fw={600}>{formatUsd(balance.data.paidCents)}</Text>
          </div>
          <div>
            <Text size="sm" c="dimmed">
              Balance
            </Text>
            <Text fw={700}>{formatUsd(balance.data.balanceCents)}</Text>
          </div>
        </Group>
      </Card>

      <Card withBorder component="section" aria-label="Charges">
        <Group justify="space-between" mb="xs">
          <Title order={3} size="h4">
            Charges
          </Title>
          {!adding && (
            <Button variant="light" size="xs" onClick={() => setAdding(true)}>
              Add a charge
            </Button>
          )}
        </Group>
        {adding && <AddChargeForm patientId={patient.id} onDone={() => setAdding(false)} />}
        <ErrorAlert error={voidingCharge.error} title="The charge was not voided" />
        {charges.data.length === 0 ? (
          <Text size="sm" c="dimmed">
            No charges yet.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Date of service</Table.Th>
                  <Table.Th>Service</Table.Th>
                  <Table.Th>Code</Table.Th>
                  <Table.Th>Diagnoses</Table.Th>
                  <Table.Th>Amount</Table.Th>
                  <Table.Th>Due</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {charges.data.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>{c.serviceDate}</Table.Td>
                    <Table.Td>
                      {c.description}
                      {c.voided && (
                        <Text size="xs" c="dimmed">
                          Voided: {c.voided.reason}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td title={billingCode(c.code)?.description}>
                      {c.code}
                      {c.units > 1 ? ` × ${c.units}` : ''}
                    </Table.Td>
                    <Table.Td>{c.icd10Codes.join(', ')}</Table.Td>
                    <Table.Td>{formatUsd(c.amountCents)}</Table.Td>
                    <Table.Td>
                      {c.voided ? (
                        <Badge variant="filled" color="gray.7" autoContrast>
                          Voided
                        </Badge>
                      ) : (
                        formatUsd(c.netCents)
                      )}
                    </Table.Td>
                    <Table.Td>
                      {!c.voided && (
                        <VoidButton
                          busy={voidingCharge.busy}
                          onVoid={async (reason) => (await voidingCharge.run({ id: c.id, reason })).ok}
                        />
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>

      <Card withBorder component="section" aria-label="Payments">
        <Group justify="space-between" mb="xs">
          <Title order={3} size="h4">
            Payments
          </Title>
          {!paying && (
            <Button variant="light" size="xs" onClick={() => setPaying(true)}>
              Record a payment
            </Button>
          )}
        </Group>
        {paying && <PaymentForm patientId={patient.id} onDone={() => setPaying(false)} />}
        <ErrorAlert error={voidingPayment.error ?? receiptError} title="That did not work" />
        {payments.data.length === 0 ? (
          <Text size="sm" c="dimmed">
            No payments yet.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Received</Table.Th>
                  <Table.Th>Method</Table.Th>
                  <Table.Th>Amount</Table.Th>
                  <Table.Th>Recorded by</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {payments.data.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>{t.dateTime(p.receivedAt)}</Table.Td>
                    <Table.Td>
                      {METHOD_LABELS[p.method]}
                      {p.reference ? ` (${p.reference})` : ''}
                      {p.voided && (
                        <Text size="xs" c="dimmed">
                          Voided: {p.voided.reason}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{formatUsd(p.amountCents)}</Table.Td>
                    <Table.Td>{p.recordedBy}</Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button
                          variant="subtle"
                          size="compact-xs"
                          onClick={() => {
                            setReceiptError(null);
                            downloadReceipt(p.id).catch(setReceiptError);
                          }}
                        >
                          Receipt
                        </Button>
                        {!p.voided && (
                          <VoidButton
                            busy={voidingPayment.busy}
                            onVoid={async (reason) => (await voidingPayment.run({ id: p.id, reason })).ok}
                          />
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>

      <SuperbillCard patientId={patient.id} />
    </Stack>
  );
}

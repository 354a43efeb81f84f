import { Alert, Badge, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { statusLabel } from '../../ui/labels.ts';
import type { Stock } from './api.ts';
import { MovementModal } from './MovementModal.tsx';
import { useExpiring, useStock } from './queries.ts';
import { ReceiveModal } from './ReceiveModal.tsx';

const NOWRAP = { whiteSpace: 'nowrap' } as const;
const STATUS_COLOR: Record<string, string> = {
  sealed: 'blue',
  open: 'teal',
  empty: 'gray',
  expired: 'red',
  quarantined: 'orange',
};

function StatusBadge({ status }: { status: string }) {
  return (
    <Badge
      color={STATUS_COLOR[status] ?? 'gray'}
      variant="light"
      c="dark.7"
      styles={{ root: { minWidth: 'max-content', overflow: 'visible' }, label: { overflow: 'visible' } }}
    >
      {statusLabel(status)}
    </Badge>
  );
}

/** Stock by storage location with balances derived from the ledger, status and expiry. */
export function StockPanel({ canMove, timeZone }: { canMove: boolean; timeZone: string }) {
  const stock = useStock();
  const expiring = useExpiring();
  const [moving, setMoving] = useState<Stock | null>(null);
  const [receiving, setReceiving] = useState(false);
  const items = stock.data ?? [];
  const byLocation = new Map<string, Stock[]>();
  for (const i of items) byLocation.set(i.location, [...(byLocation.get(i.location) ?? []), i]);
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          Balances are derived from the ledger. Times in {timeZone}.
        </Text>
        {canMove && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setReceiving(true)}>
            Receive stock
          </Button>
        )}
      </Group>
      {expiring.data && expiring.data.items.length > 0 && (
        <Alert
          color="orange"
          variant="light"
          icon={<IconAlertTriangle size={18} aria-hidden />}
          title={`Expiring within ${expiring.data.withinDays} days`}
        >
          {expiring.data.items.map((e) => (
            <Text key={e.id} size="sm">
              {e.product}, lot {e.lot} ({e.location}): {e.balance} {e.unit}, expires {e.expiresOn} (
              {e.daysLeft} days)
            </Text>
          ))}
        </Alert>
      )}
      <ErrorAlert error={stock.error} title="Could not load stock" />
      {stock.isLoading && <Loader size="sm" aria-label="Loading stock" />}
      {stock.data && items.length === 0 && <Text>No stock recorded yet.</Text>}
      {[...byLocation].map(([location, rows]) => (
        <Stack key={location} gap={4}>
          <Title order={2} size="h4">
            {location}
          </Title>
          <Table striped withTableBorder aria-label={`Stock in ${location}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Container</Table.Th>
                <Table.Th>Product</Table.Th>
                <Table.Th>Lot</Table.Th>
                <Table.Th>Expires</Table.Th>
                <Table.Th ta="right">Balance</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Not yet accounted</Table.Th>
                {canMove && <Table.Th>Actions</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{r.label}</Table.Td>
                  <Table.Td>{r.product}</Table.Td>
                  <Table.Td>{r.lot}</Table.Td>
                  <Table.Td style={NOWRAP}>{r.expiresOn}</Table.Td>
                  <Table.Td ta="right" style={NOWRAP} data-testid={`balance-${r.label}`}>
                    {r.balance} {r.unit}
                  </Table.Td>
                  <Table.Td style={NOWRAP}>
                    <StatusBadge status={r.status} />
                  </Table.Td>
                  <Table.Td>
                    {r.outstandingDraws.length > 0
                      ? r.outstandingDraws.map((d) => `${d.outstanding} ${r.unit}`).join(', ')
                      : '—'}
                  </Table.Td>
                  {canMove && (
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => setMoving(r)}
                        aria-label={`Record movement for ${r.label}`}
                      >
                        Record movement
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      ))}
      {moving && (
        <MovementModal container={moving} onClose={() => setMoving(null)} onDone={() => setMoving(null)} />
      )}
      {receiving && <ReceiveModal onClose={() => setReceiving(false)} onDone={() => setReceiving(false)} />}
    </Stack>
  );
}

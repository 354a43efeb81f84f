import { Alert, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useMe } from '../../app/auth.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { listOutbox, type OutboxItemT } from './api.ts';

/** Messages not sent (clinics without SMTP): front desk and admin deliver them by hand. */
/** Without PLASTICITY_PUBLIC_URL the server writes links as paths; show them on this app's address. */
export const absoluteLinks = (text: string, origin: string) =>
  text.replace(/(^|\s)(\/r\/[A-Za-z0-9_-]+)/g, (_, pre: string, path: string) => `${pre}${origin}${path}`);

export function OutboxPage() {
  const me = useMe();
  const [items, setItems] = useState<OutboxItemT[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const c = new AbortController();
    listOutbox(c.signal).then(setItems, (e: unknown) => {
      if (!c.signal.aborted) setError(e);
    });
    return () => c.abort();
  }, []);
  return (
    <Stack>
      <Title order={1}>Outbox</Title>
      <Text size="sm" c="dimmed">
        Messages waiting to be sent. Without an email server configured, send them yourself (copy the text
        into the clinic’s email or text service).
      </Text>
      <ErrorAlert error={error} />
      {!items && !error ? (
        <LoadingState />
      ) : items?.length === 0 ? (
        <Alert variant="light">Nothing waiting.</Alert>
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Created</Table.Th>
              <Table.Th>To</Table.Th>
              <Table.Th>Message</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items?.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>{formatDateTime(m.createdAt, me.clinic.timeZone)}</Table.Td>
                <Table.Td>{m.recipient}</Table.Td>
                <Table.Td>
                  <Text fw={600} size="sm">
                    {m.subject}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {absoluteLinks(m.body, window.location.origin)}
                  </Text>
                  {m.lastError && (
                    <Text size="xs" c="red">
                      Last attempt failed: {m.lastError}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

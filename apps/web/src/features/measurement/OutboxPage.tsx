import { Alert, Anchor, Badge, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import type { OutboxStatus } from '@plasticity/contracts';
import { useState } from 'react';
import type { z } from 'zod';
import { useMe } from '../../app/auth.tsx';
import { RouterLink } from '../../app/router.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { LoadingState } from '../../ui/LoadingState.tsx';
import type { OutboxItemT } from './api.ts';
import { useOutbox } from './queries.ts';

const KIND_LABELS: Record<string, string> = {
  invite: 'Invitation',
  password_reset: 'Password reset',
  measurement_reminder: 'Check-in reminder',
  self_report_link: 'Forms to answer',
};
export const kindLabel = (kind: string) => KIND_LABELS[kind] ?? 'Message';
const sentence = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;

const STATUS: Record<z.infer<typeof OutboxStatus>, { label: string; color: string }> = {
  queued: { label: 'Waiting to send', color: 'gray' },
  sent: { label: 'Sent', color: 'green' },
  failed: { label: 'Failed', color: 'red' },
  not_sent: { label: 'Not sent', color: 'orange' },
};

/**
 * Staff follow message delivery: who, what, where it stands. Message text is never shown here: its
 * one-time link reaches only the recipient, written in when the message is sent.
 */
export function OutboxPage() {
  const me = useMe();
  const [status, setStatus] = useState<'unsent' | 'all'>('unsent');
  const outbox = useOutbox(status);
  const items: OutboxItemT[] | null = outbox.data ?? null;
  const { error } = outbox;
  return (
    <Stack>
      <Title order={1}>Outbox</Title>
      <Text size="sm" c="dimmed">
        Messages to patients and staff and where each stands. Their links go only to the recipient: when no
        email server is set up, messages wait here until one is.
      </Text>
      {me.clinic.demo && me.role === 'admin' && (
        <Alert variant="light">
          Demo clinic: read the messages as their recipients would in the{' '}
          <Anchor component={RouterLink} href="/demo/mailbox" c="indigo.9" fw={600}>
            demo mailbox
          </Anchor>
          .
        </Alert>
      )}
      <SegmentedControl
        aria-label="Which messages"
        value={status}
        onChange={(v) => setStatus(v as 'unsent' | 'all')}
        data={[
          { value: 'unsent', label: 'Not sent yet' },
          { value: 'all', label: 'All' },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
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
              <Table.Th>Status</Table.Th>
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
                  <Text size="xs" c="dimmed">
                    {kindLabel(m.kind)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={STATUS[m.status].color}>
                    {STATUS[m.status].label}
                  </Badge>
                  {m.sentAt && (
                    <Text size="xs" c="dimmed">
                      {formatDateTime(m.sentAt, me.clinic.timeZone)}
                    </Text>
                  )}
                  {m.lastError && (
                    <Text size="xs" c="red">
                      {m.status === 'not_sent'
                        ? sentence(m.lastError.replace(/^not sent: /, ''))
                        : `Last attempt failed: ${m.lastError}`}
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

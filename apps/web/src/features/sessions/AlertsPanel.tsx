/** Open and acknowledged vital-sign alerts of one session; acknowledging needs a note. */
import { Alert, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { useClinicTime } from '../../ui/useClinicTime.ts';
import { announceAlertsChanged } from '../alerts/alertsChanged.ts';
import { alertKeys } from '../alerts/queries.ts';
import { acknowledge, type SessionRecord } from './api.ts';
import { PARAM_LABEL } from './format.ts';
import { sessionKeys } from './queries.ts';

export function AlertsPanel({ s }: { s: SessionRecord }) {
  const { time, dateTime } = useClinicTime();
  const [notes, setNotes] = useState<Record<string, string>>({});
  const acknowledging = useApiMutation((id: string) => acknowledge(s.id, id, notes[id] ?? ''), {
    invalidates: [sessionKeys.detail(s.id), alertKeys.all],
    onSuccess: () => announceAlertsChanged(),
  });
  const error = acknowledging.error;
  const open = s.alerts.filter((a) => a.status === 'open');
  const done = s.alerts.filter((a) => a.status !== 'open');
  const ack = async (id: string) => {
    await acknowledging.run(id);
  };
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        Alerts
      </Title>
      <Stack gap="xs">
        {open.length === 0 && <Text c="dimmed">No open alerts.</Text>}
        {open.map((a) => (
          <Alert
            key={a.id}
            color="red"
            variant="light"
            title={`${PARAM_LABEL[a.parameter ?? ''] ?? 'Alert'} ${a.value}`}
            data-testid="session-alert"
          >
            <Text size="sm">{a.title}</Text>
            <Text size="xs" c="dimmed">
              since {time(a.createdAt)}
              {a.escalatedAt ? ` · escalated ${time(a.escalatedAt)}` : ''}
            </Text>
            <Group mt={6} align="flex-end">
              <TextInput
                label="Acknowledgement note"
                value={notes[a.id] ?? ''}
                onChange={(e) => setNotes({ ...notes, [a.id]: e.currentTarget.value })}
                w={320}
              />
              <Button
                color="red"
                onClick={() => ack(a.id)}
                disabled={!(notes[a.id] ?? '').trim() || acknowledging.busy}
                loading={acknowledging.busy && acknowledging.variables === a.id}
              >
                Acknowledge
              </Button>
            </Group>
          </Alert>
        ))}
        {done.map((a) => (
          <Text key={a.id} size="sm" c="dimmed" data-testid="session-alert-acknowledged">
            {PARAM_LABEL[a.parameter ?? ''] ?? 'Alert'} {a.value} — acknowledged by{' '}
            {a.ackByName ?? 'a former user'} at {dateTime(a.ackAt)}: {a.ackNote}
          </Text>
        ))}
        <ErrorAlert error={error} title="Could not acknowledge" />
      </Stack>
    </Card>
  );
}

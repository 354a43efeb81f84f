/**
 * In-chair observations on the session page: what is due now under the protocol's schedule
 * (MOAA/S every N min until monitoring ends, CADSS-6 at given minutes and at the end of monitoring), the
 * entry forms (MOAA/S, CADSS-6, distress event, adverse event) and the list of what was recorded.
 */
import { Badge, Card, Group, Table, Tabs, Text, Title } from '@mantine/core';
import type { ScheduledObservation } from '@plasticity/clinical/monitoring';
import { useState } from 'react';
import { useMe } from '../../app/auth.tsx';
import { useClinicTime } from '../../ui/useClinicTime.ts';
import type { SessionRecord } from './api.ts';
import { AdverseEventForm, DistressForm } from './EventForms.tsx';
import { Cadss6Form, MoaasForm } from './ObservationForms.tsx';
import { dueText, KIND_LABEL, liveDue, summarize } from './observationFormat.ts';
import { useNow } from './useNow.ts';

const STATE_COLOR: Record<string, string> = { overdue: 'red', due: 'orange', upcoming: 'gray' };

/** Badges for what is due or overdue now, else the next one; nothing when the patient is not in the chair. */
function DueBadges({ s, now }: { s: SessionRecord; now: number }) {
  const { time } = useClinicTime();
  const d = liveDue(s, now);
  if (!d) return null;
  if (!d.doseStarted)
    return (
      <Text size="sm" c="dimmed" data-testid="observation-due">
        Schedule starts at the dose
      </Text>
    );
  const shown: ScheduledObservation[] = d.due.length > 0 ? d.due : d.next ? [d.next] : [];
  if (shown.length === 0)
    return (
      <Text size="sm" c="dimmed" data-testid="observation-due">
        No scheduled observation pending
      </Text>
    );
  return (
    <Group gap={6} data-testid="observation-due">
      {shown.map((i) => (
        <Badge
          key={`${i.kind}-${i.when}-${i.minute ?? ''}`}
          color={STATE_COLOR[i.state]}
          variant={i.state === 'upcoming' ? 'light' : 'filled'}
          size="lg"
          tt="none"
          data-state={i.state}
        >
          {dueText(i, time)}
        </Badge>
      ))}
    </Group>
  );
}

function Timeline({ s }: { s: SessionRecord }) {
  const { time } = useClinicTime();
  if (s.observations.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No observations recorded yet.
      </Text>
    );
  return (
    <Table striped withTableBorder fz="sm" data-testid="observation-timeline">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={90}>Time</Table.Th>
          <Table.Th w={130}>Observation</Table.Th>
          <Table.Th>Details</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {[...s.observations].reverse().map((o) => (
          <Table.Tr key={o.id}>
            <Table.Td>{time(o.at)}</Table.Td>
            <Table.Td>
              <Text size="sm" fw={600} c={o.kind === 'adverse_event' && o.data.serious ? 'red.8' : undefined}>
                {KIND_LABEL[o.kind] ?? o.kind}
              </Text>
            </Table.Td>
            <Table.Td>{summarize(o)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function ObservationsPanel({ s }: { s: SessionRecord }) {
  const me = useMe();
  const now = useNow();
  const firstDue = liveDue(s, now)?.due[0]?.kind;
  const [tab, setTab] = useState<string | null>(firstDue === 'cadss6' ? 'cadss6' : 'moaas');
  const canRecord = !s.lockedAt && (me.role === 'nurse' || me.role === 'prescriber');
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          Observations
        </Title>
        <DueBadges s={s} now={now} />
      </Group>
      {canRecord && (
        <Tabs value={tab} onChange={setTab} keepMounted={false} mb="sm">
          <Tabs.List>
            <Tabs.Tab value="moaas">Sedation (MOAA/S)</Tabs.Tab>
            <Tabs.Tab value="cadss6">Dissociation (CADSS-6)</Tabs.Tab>
            <Tabs.Tab value="distress">Distress event</Tabs.Tab>
            <Tabs.Tab value="adverse_event">Adverse event</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="moaas" pt="xs">
            <MoaasForm sessionId={s.id} />
          </Tabs.Panel>
          <Tabs.Panel value="cadss6" pt="xs">
            <Cadss6Form sessionId={s.id} />
          </Tabs.Panel>
          <Tabs.Panel value="distress" pt="xs">
            <DistressForm sessionId={s.id} />
          </Tabs.Panel>
          <Tabs.Panel value="adverse_event" pt="xs">
            <AdverseEventForm sessionId={s.id} />
          </Tabs.Panel>
        </Tabs>
      )}
      <Timeline s={s} />
    </Card>
  );
}

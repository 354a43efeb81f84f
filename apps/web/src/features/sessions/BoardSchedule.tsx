/**
 * The schedule's part of the live board: a free chair (calm and compact, so 12 chairs still fit a
 * 1440×900 screen) with today's appointments still to come in it; the next appointment(s) on an occupied
 * chair in one line; and the dosing visits booked today in no chair ("Booked, no chair"). Times in the
 * clinic's zone; a plan that is not approved says so ("Plan approval pending", "No plan").
 */
import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import { type BoardChair, type BoardUpcomingAppointment, PLAN_STATE_LABELS } from '@plasticity/contracts';
import { useClinicTime } from '../../ui/useClinicTime.ts';

/** Appointments a compact card lists before "+N more". */
const SHOWN = 3;

function UpcomingItem({ a }: { a: BoardUpcomingAppointment }) {
  const t = useClinicTime();
  return (
    <Group gap={6} wrap="nowrap" data-testid="board-upcoming">
      <Text size="xs" fw={600} style={{ whiteSpace: 'nowrap' }}>
        {t.time(a.start)}
      </Text>
      <Text size="xs" lineClamp={1}>
        {a.patient.displayName}
      </Text>
      {a.planState !== 'approved' && (
        <Badge size="xs" color="orange" variant="light" tt="none" style={{ flexShrink: 0 }}>
          {PLAN_STATE_LABELS[a.planState]}
        </Badge>
      )}
    </Group>
  );
}

function UpcomingList({ items }: { items: BoardUpcomingAppointment[] }) {
  if (items.length === 0)
    return (
      <Text size="xs" c="dimmed">
        Nothing booked for the rest of today
      </Text>
    );
  return (
    <Stack gap={2}>
      {items.slice(0, SHOWN).map((a) => (
        <UpcomingItem key={a.id} a={a} />
      ))}
      {items.length > SHOWN && (
        <Text size="xs" c="dimmed">
          +{items.length - SHOWN} more
        </Text>
      )}
    </Stack>
  );
}

/** A chair with no session in it: its name, "Free", and who is booked in it later today. */
export function FreeChairCard({ chair }: { chair: BoardChair }) {
  return (
    <Card
      withBorder
      padding={8}
      radius="md"
      bg="gray.0"
      style={{ alignSelf: 'start' }}
      data-testid={`free-chair-${chair.name}`}
    >
      <Group justify="space-between" wrap="nowrap" gap={4} mb={2}>
        <Text fw={700} fz={16} lh={1.2} lineClamp={1}>
          {chair.name}
        </Text>
        <Badge color="gray" variant="light" size="md">
          Free
        </Badge>
      </Group>
      <UpcomingList items={chair.upcoming} />
    </Card>
  );
}

/** An occupied chair's next appointment in one line ("Next 13:30 Jane Doe · Plan approval pending"). */
export function NextUpcoming({ items }: { items: BoardUpcomingAppointment[] }) {
  const t = useClinicTime();
  const next = items[0];
  if (!next) return null;
  const plan = next.planState === 'approved' ? '' : ` · ${PLAN_STATE_LABELS[next.planState]}`;
  const more = items.length > 1 ? ` (+${items.length - 1} more)` : '';
  return (
    <Text fz={11} lh={1.3} c="dimmed" mt={2} lineClamp={1} data-testid="board-next-upcoming">
      Next {t.time(next.start)} {next.patient.displayName}
      {plan}
      {more}
    </Text>
  );
}

/** Today's dosing visits booked in no chair the board shows. */
export function BookedWithoutChair({ items }: { items: BoardUpcomingAppointment[] }) {
  if (items.length === 0) return null;
  return (
    <Card withBorder padding={8} radius="md" style={{ alignSelf: 'start' }} data-testid="board-without-chair">
      <Text fw={700} fz={16} lh={1.2} mb={2} component="h2">
        Booked, no chair
      </Text>
      <UpcomingList items={items} />
    </Card>
  );
}

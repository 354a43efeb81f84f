/**
 * The live monitoring board: the clinic's dosing chairs and Spravato rooms from the schedule, in their
 * order, each occupied (its session) or free (with who is booked in it later today), then sessions in no
 * chair record and today's visits booked in no chair (`arrangeBoard`); without chair records (older
 * servers), the sessions' chairs in natural order (1, 2, … 10). 12 chairs fit one 1440×900 screen: phase,
 * elapsed time, latest vitals with trend sparklines, what is late in plain words ("Vitals overdue by 7 min",
 * "MOAA/S due"), the dose given and the infusion's progress, open alerts (with a sound). A discharged
 * session leaves after the clinic's set minutes. Updates arrive over Server-Sent Events without reload and
 * are applied to the cached snapshot (`applyBoardEvent`: a reading updates its chair, an alert appears or
 * leaves at once); the snapshot is refetched only on a session change (a check-in from the schedule starts
 * one), after a reconnection or a resync, and after the user's own changes. A banner says when the view may
 * be stale.
 */

import { Alert, Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Board } from '@plasticity/contracts';
import { IconPlugConnectedX, IconPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useMe } from '../../app/auth.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { getBoard } from './api.ts';
import { applyBoardEvent } from './applyBoardEvent.ts';
import { arrangeBoard } from './arrangeBoard.ts';
import { BookedWithoutChair, FreeChairCard } from './BoardSchedule.tsx';
import { beep } from './beep.ts';
import { ChairCard } from './ChairCard.tsx';
import { NewSessionModal } from './NewSessionModal.tsx';
import { sessionKeys } from './queries.ts';
import { useBoardEvents } from './useBoardEvents.ts';
import { useNow } from './useNow.ts';

const CLOSED = new Set(['discharged', 'cancelled', 'aborted']);

export function BoardPage() {
  const me = useMe();
  const now = useNow();
  const [creating, setCreating] = useState(false);
  const queryClient = useQueryClient();
  const { data, error, refetch } = useQuery({
    queryKey: sessionKeys.board(),
    queryFn: ({ signal }) => getBoard(signal),
  });
  const reload = () => void refetch();
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // Several session events in a burst (a transition and its checklist) cost one refetch.
  const soon = () => {
    if (pending.current) return;
    pending.current = setTimeout(() => {
      pending.current = undefined;
      reload();
    }, 150);
  };
  const { stale } = useBoardEvents(
    data?.lastEventId,
    (e) => {
      if (e.kind === 'alert' && e.alert.status === 'open') beep();
      let refetchNeeded = false;
      queryClient.setQueryData<Board>(sessionKeys.board(), (board) => {
        if (!board) return board;
        const r = applyBoardEvent(board, e);
        refetchNeeded = r.refetch;
        return r.board;
      });
      if (refetchNeeded) soon();
    },
    () => soon(),
  );
  // A closed session leaves once its minutes on the board are over, between server snapshots too.
  const sessions = (data?.sessions ?? []).filter(
    (s) =>
      !CLOSED.has(s.status) ||
      now - Date.parse(s.dischargedAt ?? s.phaseSince ?? s.scheduledAt) <
        (data?.closedVisibleMin ?? 0) * 60_000,
  );
  const { slots, withoutChair } = arrangeBoard(sessions, data?.chairs, data?.upcomingWithoutChair);
  const free = slots.filter((x) => x.kind === 'chair' && x.sessions.length === 0).length;
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={1} size="h3">
          Live board
        </Title>
        <Group>
          <Text size="sm" c="dimmed">
            {data?.chairs
              ? `${sessions.length} in use · ${free} free`
              : `${sessions.length} ${sessions.length === 1 ? 'chair' : 'chairs'}`}
            {data ? ` · discharged leave after ${data.closedVisibleMin} min` : ''}
          </Text>
          {me.role !== 'therapist' && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              New session
            </Button>
          )}
        </Group>
      </Group>
      {stale && (
        <Alert
          color="yellow"
          variant="filled"
          icon={<IconPlugConnectedX size={18} aria-hidden />}
          role="alert"
          title="Live updates interrupted"
        >
          The board may be out of date. Reconnecting…
        </Alert>
      )}
      <ErrorAlert error={error} title="Could not load the board" />
      {data && slots.length === 0 && <Text c="dimmed">No sessions today.</Text>}
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3, lg: 4 }} spacing={8} verticalSpacing={8}>
        {slots.flatMap((x) =>
          x.kind === 'session'
            ? [<ChairCard key={x.session.id} s={x.session} now={now} loadedAt={data?.now} />]
            : x.sessions.length === 0
              ? [<FreeChairCard key={x.chair.id} chair={x.chair} />]
              : x.sessions.map((s, i) => (
                  <ChairCard
                    key={s.id}
                    s={s}
                    now={now}
                    loadedAt={data?.now}
                    name={x.chair.name}
                    upcoming={i === x.sessions.length - 1 ? x.chair.upcoming : []}
                  />
                )),
        )}
        <BookedWithoutChair items={withoutChair} />
      </SimpleGrid>
      <NewSessionModal opened={creating} onClose={() => setCreating(false)} onCreated={() => reload()} />
    </Stack>
  );
}

import { Card, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useMe } from '../../app/auth.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { type AssessmentListT, listAssessments } from './api.ts';

/** Portal "My progress": each instrument's change in plain words (describeProgressForPatient). */
export function PortalProgress() {
  const me = useMe();
  const patientId = me.patientId ?? '';
  const [rows, setRows] = useState<{ id: string; data: AssessmentListT }[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const c = new AbortController();
    (async () => {
      const all = await listAssessments(patientId, undefined, c.signal);
      const ids = [...new Set(all.items.map((a) => a.instrument))];
      return Promise.all(
        ids.map(async (id) => ({ id, data: await listAssessments(patientId, id, c.signal) })),
      );
    })().then(setRows, (e: unknown) => {
      if (!c.signal.aborted) setError(e);
    });
    return () => c.abort();
  }, [patientId]);
  return (
    <Stack>
      <Title order={1}>My progress</Title>
      <ErrorAlert error={error} />
      {!rows && !error ? (
        <LoadingState />
      ) : rows?.length === 0 ? (
        <Text c="dimmed">No results yet.</Text>
      ) : (
        rows?.map((r) => (
          <Card key={r.id} withBorder>
            <Text>{r.data.progress}</Text>
          </Card>
        ))
      )}
    </Stack>
  );
}

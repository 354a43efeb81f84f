import { Paper, Stack, Text, Title } from '@mantine/core';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { useMoodTrend } from './queries.ts';

/**
 * The daily mood check-in over time (0–10, the latest of each clinic-local day), as a small line chart beside
 * the scales: the chart's Journal and Assessments tabs, and the patient's "My progress". A single self-rated
 * item, not a scale (docs/clinical-sources.md#journal-prompts-and-mood-check-in).
 */
export function MoodTrendCard({
  patientId,
  forPatient = false,
}: {
  patientId: string;
  forPatient?: boolean;
}) {
  const trend = useMoodTrend(patientId);
  const items = trend.data;
  const latest = items?.at(-1);
  return (
    <Paper withBorder p="md" radius="md" data-testid="mood-trend">
      <Stack gap="xs">
        <Title order={3} size="h4">
          {forPatient ? 'My daily mood' : 'Daily mood check-in'}
        </Title>
        {trend.error ? (
          <ErrorAlert error={trend.error} title="Could not load the mood check-ins" />
        ) : !items ? (
          <LoadingState label="Loading mood check-ins…" />
        ) : items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {forPatient ? 'You have not checked in yet.' : 'No mood check-ins yet.'}
          </Text>
        ) : (
          <>
            <div
              style={{ width: '100%', height: 180 }}
              role="img"
              aria-label={`Mood from 0 to 10 over ${items.length} day${items.length === 1 ? '' : 's'}; latest ${latest?.score} on ${latest?.date}`}
            >
              <ResponsiveContainer width="100%" height="100%">
                <LineChart data={items} margin={{ top: 8, right: 12, bottom: 4, left: 0 }}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="date" tickFormatter={(d: string) => d.slice(5)} minTickGap={16} />
                  <YAxis domain={[0, 10]} ticks={[0, 5, 10]} allowDecimals={false} width={28} />
                  <Tooltip formatter={(v) => [`${v} out of 10`, 'Mood']} />
                  <Line
                    type="monotone"
                    dataKey="score"
                    stroke="#0c8599"
                    strokeWidth={2}
                    dot
                    isAnimationActive={false}
                  />
                </LineChart>
              </ResponsiveContainer>
            </div>
            <Text size="xs" c="dimmed">
              0 is the worst, 10 the best · {items.length} day{items.length === 1 ? '' : 's'} with a check-in
              · latest {latest?.score} on {latest?.date}
            </Text>
          </>
        )}
      </Stack>
    </Paper>
  );
}

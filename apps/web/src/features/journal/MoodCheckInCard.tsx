import { Button, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMe } from '../../app/auth.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { useClinicTime } from '../../ui/useClinicTime.ts';
import { CrisisResources } from '../measurement/CrisisResources.tsx';
import { recordMood } from './api.ts';
import { journalKeys, useMoodTrend } from './queries.ts';

const SCORES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
/** A rating this low shows the crisis resources (docs/clinical-sources.md#journal-prompts-and-mood-check-in). */
const LOW_MOOD = 2;

/**
 * The portal's daily mood check-in: one tap on 0–10. Today's rating (the latest of the clinic-local day) is
 * shown pressed; tapping again records a new one, and the day keeps the latest. Exported for the portal home.
 */
export function MoodCheckInCard() {
  const me = useMe();
  const patientId = me.patientId ?? '';
  const { date } = useClinicTime();
  const trend = useMoodTrend(patientId);
  const saving = useApiMutation((score: number) => recordMood({ score }), {
    invalidates: [journalKeys.mood(patientId)],
  });
  if (!me.patientId) return null;
  const today = date(new Date().toISOString());
  const last = trend.data?.at(-1);
  const todays = saving.data?.date === today ? saving.data.score : last?.date === today ? last.score : null;
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="mood-check-in-title">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4" id="mood-check-in-title">
            How is your mood today?
          </Title>
          <Text size="sm" c="dimmed">
            Tap a number: 0 is the worst, 10 the best.
          </Text>
        </div>
        <SimpleGrid cols={6} spacing="xs" role="group" aria-label="Mood from 0 to 10">
          {SCORES.map((s) => (
            <Button
              key={s}
              size="md"
              px={0}
              variant={todays === s ? 'filled' : 'default'}
              aria-pressed={todays === s}
              aria-label={`${s} out of 10`}
              loading={saving.busy && saving.variables === s}
              disabled={saving.busy}
              onClick={() => void saving.run(s)}
            >
              {s}
            </Button>
          ))}
        </SimpleGrid>
        <ErrorAlert error={saving.error} title="Your check-in was not saved" />
        {todays !== null && (
          <Text size="sm" role="status">
            Thank you. Today’s check-in: {todays} out of 10.
          </Text>
        )}
        {todays !== null && todays <= LOW_MOOD && <CrisisResources />}
        <Text size="xs" c="dimmed">
          Your care team can see your check-ins, but they are not watched in real time.
        </Text>
      </Stack>
    </Card>
  );
}

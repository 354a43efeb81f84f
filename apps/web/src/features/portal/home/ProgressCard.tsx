import { Anchor, List, Text } from '@mantine/core';
import { getInstrument, progressHeadlineForPatient } from '@plasticity/clinical/instruments';
import { RouterLink } from '../../../app/router.tsx';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import type { AssessmentListT } from '../../measurement/api.ts';
import { useAssessmentSeries } from '../../measurement/queries.ts';

/** One line per questionnaire: the short headline, else the server's full patient wording. */
function lineOf(id: string, s: AssessmentListT): string | null {
  const name = getInstrument(id)?.name;
  const headline = name
    ? progressHeadlineForPatient(name, {
        baseline: s.baseline,
        latest: s.latest,
        hasFollowUp: s.latestAt !== null && s.latestAt !== s.baselineAt,
        response: s.response,
        remission: s.remission,
      })
    : null;
  return headline ?? s.progress;
}

/** Progress in plain words: each questionnaire's change since the start ("… that is a response"). */
export function ProgressCard({ patientId }: { patientId: string }) {
  const series = useAssessmentSeries(patientId);
  const lines = series.data
    ? Object.entries(series.data)
        .map(([id, s]) => lineOf(id, s))
        .filter((l): l is string => Boolean(l))
    : null;
  return (
    <>
      <ErrorAlert error={series.error} title="Could not load your progress" />
      {!lines && !series.error && (
        <Text size="sm" c="dimmed">
          Loading your progress…
        </Text>
      )}
      {lines?.length === 0 && <Text>No results yet. Your progress shows here after your first forms.</Text>}
      {lines && lines.length > 0 && (
        <>
          <List spacing={6}>
            {lines.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
          <Text size="xs" c="dimmed">
            Scores are one part of the picture: your care team looks at them together with how you are
            feeling.
          </Text>
        </>
      )}
      <Anchor component={RouterLink} href="/progress" size="sm">
        See all my progress
      </Anchor>
    </>
  );
}

import { Anchor, Group, Text } from '@mantine/core';
import { RouterLink } from '../../../app/router.tsx';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { useClinicTime } from '../../../ui/useClinicTime.ts';
import { EducationBody } from '../../education/EducationBody.tsx';
import { useAftercare } from '../../education/queries.ts';
import { ReadBadge } from '../../education/ReadBadge.tsx';

/** How long after a discharge the home shows the whole after-care sheet instead of a link to it. */
const SHOW_SHEET_MS = 3 * 86_400_000;

/**
 * The after-care sheet of the patient's last session: in full for the first days after a discharge, then a
 * link. Before any session it offers the page to read ahead.
 */
export function AftercareCard({ now = Date.now() }: { now?: number }) {
  const t = useClinicTime();
  const aftercare = useAftercare();
  const data = aftercare.data;
  if (aftercare.error)
    return <ErrorAlert error={aftercare.error} title="Could not load your after-care sheet" />;
  if (!data)
    return (
      <Text size="sm" c="dimmed">
        Loading…
      </Text>
    );
  const { session, page } = data;
  if (!page)
    return <Text size="sm">Your care team will tell you how to look after yourself after a session.</Text>;
  const recent = session !== null && now - new Date(session.dischargedAt).getTime() < SHOW_SHEET_MS;
  return (
    <>
      <Text size="sm">
        {session
          ? `Your last session was on ${t.date(session.startedAt ?? session.dischargedAt)}; you went home at ${t.time(session.dischargedAt)}.`
          : 'How to look after yourself after a session. Read it before your next one.'}
      </Text>
      {recent && <EducationBody body={page.body} headingOrder={3} />}
      <Group gap="sm">
        <Anchor component={RouterLink} href={`/learn/${page.slug}`} size="sm">
          {recent ? 'Open the sheet on its own page' : `Read "${page.title}"`}
        </Anchor>
        <ReadBadge read={page.read} />
      </Group>
    </>
  );
}

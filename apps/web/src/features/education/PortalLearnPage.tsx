import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { EDUCATION_TOPIC_LABELS } from '@plasticity/contracts';
import { RouterLink } from '../../app/router.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { useEducationPages } from './queries.ts';
import { ReadBadge } from './ReadBadge.tsx';

/** Portal "Learn": the clinic's education pages in reading order, each with whether the patient read it. */
export function PortalLearnPage() {
  const pages = useEducationPages();
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>Learn about your treatment</Title>
        <Text size="sm" c="dimmed">
          Short pages from your care team. Read them before your first session, and come back any time.
        </Text>
      </div>
      <ErrorAlert error={pages.error} title="Could not load the pages" />
      {!pages.data && !pages.error && <LoadingState label="Loading pages…" />}
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {pages.data?.map((p) => (
          <Card key={p.slug} withBorder component="li" padding="sm">
            <Stack gap={4}>
              <Text size="xs" c="dimmed">
                {EDUCATION_TOPIC_LABELS[p.topic]}
              </Text>
              <Anchor component={RouterLink} href={`/learn/${p.slug}`} fw={600}>
                {p.title}
              </Anchor>
              {p.summary && <Text size="sm">{p.summary}</Text>}
              <Group>
                <ReadBadge read={p.read} />
              </Group>
            </Stack>
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}

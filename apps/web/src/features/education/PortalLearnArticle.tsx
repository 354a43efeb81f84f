import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import type { RouteProps } from '../../app/registry.ts';
import { RouterLink } from '../../app/router.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { useClinicTime } from '../../ui/useClinicTime.ts';
import { markEducationRead } from './api.ts';
import { EducationBody } from './EducationBody.tsx';
import { educationKeys, useEducationPage } from './queries.ts';

/** Portal: one education page, and "I have read this" (records the version on screen). */
export function PortalLearnArticle({ params }: RouteProps) {
  const slug = params.slug ?? '';
  const page = useEducationPage(slug);
  const t = useClinicTime();
  const marking = useApiMutation((version: number) => markEducationRead(slug, version), {
    invalidates: [educationKeys.all],
  });
  const p = page.data;
  return (
    <Stack gap="md">
      <Anchor component={RouterLink} href="/learn" size="sm">
        All pages
      </Anchor>
      <ErrorAlert error={page.error ?? marking.error} title="Something went wrong" />
      {!p && !page.error && (
        <>
          <Title order={1}>Learn</Title>
          <LoadingState label="Loading the page…" />
        </>
      )}
      {p && (
        <article aria-labelledby="education-title">
          <Stack gap="md">
            <Title order={1} id="education-title">
              {p.title}
            </Title>
            {p.summary && (
              <Text size="lg" c="dimmed">
                {p.summary}
              </Text>
            )}
            <EducationBody body={p.body} />
            {p.read?.current ? (
              <Alert color="green" variant="light" icon={<IconCheck size={18} aria-hidden />}>
                You read this page on {t.date(p.read.readAt)}.
              </Alert>
            ) : (
              <Stack gap="xs">
                {p.read && (
                  <Text size="sm">
                    Your care team has updated this page since you read it on {t.date(p.read.readAt)}.
                  </Text>
                )}
                <Group>
                  <Button onClick={() => marking.run(p.version)} loading={marking.busy}>
                    I have read this page
                  </Button>
                </Group>
              </Stack>
            )}
            <Text size="sm" c="dimmed">
              Questions about anything here? Ask your care team at your next visit, or call the clinic.
            </Text>
          </Stack>
        </article>
      )}
    </Stack>
  );
}

import { Card, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** One card of the portal home: a labelled section with a level-2 heading (screen readers list them). */
export function HomeCard({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  const headingId = `home-${id}`;
  return (
    <Card withBorder component="section" aria-labelledby={headingId} padding="md">
      <Stack gap="xs">
        <Title order={2} size="h4" id={headingId}>
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}

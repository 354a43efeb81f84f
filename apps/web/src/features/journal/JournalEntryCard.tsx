import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** One journal entry: when, the prompt it answered, the text, and a badge and action given by the caller. */
export function JournalEntryCard({
  when,
  promptText,
  text,
  badge,
  action,
}: {
  when: string;
  promptText: string | null;
  text: string;
  badge?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <Card withBorder radius="md" padding="md" component="article" aria-label={`Entry of ${when}`}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text size="sm" fw={600}>
            {when}
          </Text>
          {badge}
        </Group>
        {promptText && (
          <Text size="sm" c="dimmed" fs="italic">
            {promptText}
          </Text>
        )}
        <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{text}</Text>
        {action}
      </Stack>
    </Card>
  );
}

export function SharingBadge({ shared }: { shared: boolean }) {
  return shared ? (
    <Badge variant="filled" color="teal.9" autoContrast>
      Shared with my care team
    </Badge>
  ) : (
    <Badge variant="light" color="gray">
      Private
    </Badge>
  );
}

export function SharingButton({
  shared,
  busy,
  onClick,
}: {
  shared: boolean;
  busy: boolean;
  onClick: () => void;
}) {
  return (
    <Group>
      <Button size="compact-md" variant="default" loading={busy} onClick={onClick}>
        {shared ? 'Stop sharing' : 'Share with my care team'}
      </Button>
    </Group>
  );
}

import { Alert, Card, Stack, Text, Title } from '@mantine/core';
import { ApiError } from '../../api/client.ts';
import { useMe } from '../../app/auth.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { LoadingState } from '../../ui/LoadingState.tsx';
import type { DemoMailboxItemT } from './api.ts';
import { kindLabel } from './OutboxPage.tsx';
import { useDemoMailbox } from './queries.ts';

/** Without PLASTICITY_PUBLIC_URL the server writes links as paths; show them on this app's address. */
export const absoluteLinks = (text: string, origin: string) =>
  text.replace(
    /(^|\s)(\/(?:r|accept)\/[A-Za-z0-9_-]+)/g,
    (_, pre: string, path: string) => `${pre}${origin}${path}`,
  );

/**
 * The demo clinic's mailbox (admin only): the clinic's messages as their recipients would read them,
 * so an evaluator can follow an invitation or a check-in link without a mail server. Each visit issues
 * the links afresh; links shown on an earlier visit stop working.
 */
export function DemoMailboxPage() {
  const me = useMe();
  const mailbox = useDemoMailbox();
  const items: DemoMailboxItemT[] | null = mailbox.data ?? null;
  const { error } = mailbox;
  const notDemo = error instanceof ApiError && error.code === 'not_found';
  return (
    <Stack>
      <Title order={1}>Demo mailbox</Title>
      <Text size="sm" c="dimmed">
        What the demo clinic’s patients and staff would find in their email. Opening this page issues each
        link afresh: links copied on an earlier visit no longer work.
      </Text>
      {notDemo ? (
        <Alert variant="light">Only the demo clinic has a mailbox. Other clinics send email.</Alert>
      ) : (
        <ErrorAlert error={error} />
      )}
      {!items && !error ? (
        <LoadingState />
      ) : items?.length === 0 ? (
        <Alert variant="light">No messages.</Alert>
      ) : (
        items?.map((m) => (
          <Card key={m.id} withBorder>
            <Text size="xs" c="dimmed">
              {formatDateTime(m.createdAt, me.clinic.timeZone)} · {kindLabel(m.kind)} · to {m.recipient}
            </Text>
            <Text fw={600}>{m.subject}</Text>
            {m.text === null ? (
              <Text size="sm" c="dimmed">
                Sent by email, or its link was used, replaced or has expired.
              </Text>
            ) : (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {absoluteLinks(m.text, window.location.origin)}
              </Text>
            )}
          </Card>
        ))
      )}
    </Stack>
  );
}

import { ActionIcon, Alert, CopyButton, Group, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { formatDateTime } from './format.ts';

interface Props {
  link: string;
  expiresAt: string;
  timeZone?: string;
  label?: string;
}

/**
 * A one-time link (invitation, password reset) for the admin to copy and hand over — shown once, when
 * the server has no mail server — or, when the server sent it (`link` null), where it went.
 */
export function OneTimeLinkOrSent({
  link,
  sentTo,
  ...rest
}: Omit<Props, 'link'> & { link: string | null; sentTo: string }) {
  if (link) return <OneTimeLink link={link} {...rest} />;
  return (
    <Alert variant="light" title="Sent by email">
      The link goes by email to {sentTo} only; it works a single time and expires{' '}
      {formatDateTime(rest.expiresAt, rest.timeZone)}. If the clinic does not send email yet, ask an
      administrator.
    </Alert>
  );
}

/** A one-time link (invitation, password reset) for the admin to copy and hand over. */
function OneTimeLink({ link, expiresAt, timeZone, label = 'One-time link' }: Props) {
  return (
    <Stack gap={4}>
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <TextInput
          label={label}
          value={link}
          readOnly
          style={{ flex: 1 }}
          onFocus={(e) => e.currentTarget.select()}
        />
        <CopyButton value={link}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? 'Copied' : 'Copy link'} withArrow>
              <ActionIcon
                variant={copied ? 'filled' : 'default'}
                color={copied ? 'green' : undefined}
                size="lg"
                onClick={copy}
                aria-label={copied ? 'Link copied' : 'Copy link'}
              >
                {copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
      <Text size="xs" c="dimmed">
        Shown once. It works a single time and expires {formatDateTime(expiresAt, timeZone)}. Share it
        privately.
      </Text>
    </Stack>
  );
}

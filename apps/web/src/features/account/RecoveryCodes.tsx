import { Alert, Button, Checkbox, CopyButton, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';

/** Shown exactly once, right after enrolment: the person must acknowledge saving them. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const [saved, setSaved] = useState(false);
  return (
    <Stack gap="sm">
      <Alert role="status" color="green" variant="light" title="Two-step verification is on">
        Save these recovery codes somewhere safe, such as a password manager. Each one signs you in once if
        you lose your phone. They will not be shown again.
      </Alert>
      <SimpleGrid
        cols={{ base: 2, xs: 3 }}
        spacing="xs"
        component="ul"
        aria-label="Recovery codes"
        p={0}
        m={0}
      >
        {codes.map((c) => (
          <Text key={c} component="li" ff="monospace" size="sm" style={{ listStyle: 'none' }}>
            {c}
          </Text>
        ))}
      </SimpleGrid>
      <Group gap="sm">
        <CopyButton value={codes.join('\n')}>
          {({ copied, copy }) => (
            <Button variant="default" size="xs" onClick={copy}>
              {copied ? 'Copied' : 'Copy codes'}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Checkbox
        label="I have saved my recovery codes"
        checked={saved}
        onChange={(e) => setSaved(e.currentTarget.checked)}
      />
      <Group>
        <Button onClick={onDone} disabled={!saved}>
          Done
        </Button>
      </Group>
    </Stack>
  );
}

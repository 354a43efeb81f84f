import { Alert, Anchor, Button, Group, List, Text } from '@mantine/core';
import { IconLifebuoy } from '@tabler/icons-react';

/**
 * Crisis resources shown at once when an answer raises a safety flag
 * (docs/clinical-sources.md#suicide-risk-flags-and-crisis-resources):
 * 988 Suicide & Crisis Lifeline (call or text 988) and 911, with the plain statement that answers
 * may not be read immediately.
 */
export function CrisisResources() {
  return (
    <Alert
      role="alert"
      color="red"
      variant="light"
      title="If you need help now"
      icon={<IconLifebuoy size={20} aria-hidden />}
    >
      <Text size="sm" mb="xs">
        Your answers may not be read immediately. If you are thinking about hurting yourself or feel unsafe,
        please reach out now:
      </Text>
      <List size="sm" spacing={4}>
        <List.Item>
          <strong>988 Suicide &amp; Crisis Lifeline</strong>: call or text <Anchor href="tel:988">988</Anchor>{' '}
          (any time, day or night).
        </List.Item>
        <List.Item>
          In an emergency call <Anchor href="tel:911">911</Anchor>.
        </List.Item>
      </List>
    </Alert>
  );
}

/**
 * The crisis line, one tap away on every patient page (the portal layout and the public patient pages):
 * call or text 988 (Suicide & Crisis Lifeline) and call 911, the same resources as above
 * (docs/clinical-sources.md#suicide-risk-flags-and-crisis-resources). A top-level landmark that stays at
 * the top of the screen while the page scrolls; links, so a phone dials or opens messages at once.
 */
export function CrisisLine() {
  return (
    <aside
      aria-label="Help in a crisis"
      style={{
        position: 'sticky',
        top: 0,
        zIndex: 100,
        background: 'var(--mantine-color-body)',
        borderBottom: '1px solid var(--mantine-color-gray-3)',
      }}
    >
      <Group gap={6} px="md" py={6} wrap="nowrap" justify="space-between">
        <Text size="sm" fw={600} c="red.9" style={{ whiteSpace: 'nowrap' }}>
          In crisis?
        </Text>
        <Group gap={6} wrap="nowrap">
          <Button
            component="a"
            href="tel:988"
            size="compact-sm"
            variant="light"
            color="red"
            c="red.9"
            aria-label="Call 988, the Suicide and Crisis Lifeline"
          >
            Call 988
          </Button>
          <Button
            component="a"
            href="sms:988"
            size="compact-sm"
            variant="light"
            color="red"
            c="red.9"
            aria-label="Text 988, the Suicide and Crisis Lifeline"
          >
            Text 988
          </Button>
          <Button
            component="a"
            href="tel:911"
            size="compact-sm"
            variant="filled"
            color="red.9"
            aria-label="Call 911 in an emergency"
          >
            Call 911
          </Button>
        </Group>
      </Group>
    </aside>
  );
}

import { Alert, Anchor, List, Text } from '@mantine/core';
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

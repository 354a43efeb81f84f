import { Anchor, Text } from '@mantine/core';
import { RouterLink } from '../../../app/router.tsx';

/** The journal on the portal home: what it is for, and the way to the journal page. */
export function JournalCard() {
  return (
    <>
      <Text size="sm">
        Write down what you notice between sessions: private to you unless you choose to share an entry with
        your care team.
      </Text>
      <Anchor component={RouterLink} href="/journal">
        Open my journal
      </Anchor>
    </>
  );
}

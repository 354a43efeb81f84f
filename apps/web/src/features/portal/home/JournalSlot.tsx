import { Anchor, Text } from '@mantine/core';
import { RouterLink } from '../../../app/router.tsx';

/**
 * PLACEHOLDER — the journal slot of the portal home. The journal feature provides the daily mood check-in
 * card (`MoodCheckInCard`) and the journal page at `/journal`; when it is merged, replace this body with that
 * card and keep the link.
 */
export function JournalSlot() {
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

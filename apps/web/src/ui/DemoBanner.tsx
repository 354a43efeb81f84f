import { Box, Text } from '@mantine/core';
import type { Ref } from 'react';

/** Shown across the app when the clinic holds demonstration data only. */
export function DemoBanner({ ref }: { ref?: Ref<HTMLDivElement> }) {
  return (
    <Box
      ref={ref}
      role="note"
      aria-label="Demo data"
      px="md"
      py={4}
      bg="yellow.1"
      style={{ borderBottom: '1px solid var(--mantine-color-yellow-4)' }}
    >
      <Text size="sm" c="gray.9" ta="center">
        <strong>Demo data.</strong> This clinic contains fictional patients only — do not enter real patient
        information.
      </Text>
    </Box>
  );
}

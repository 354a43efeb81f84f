import { Anchor, Stack, Text, Title } from '@mantine/core';
import { RouterLink } from './router.tsx';

export function NotFound({ forbidden = false }: { forbidden?: boolean }) {
  return (
    <Stack gap="xs" py="lg">
      <Title order={1}>{forbidden ? 'Not available for your role' : 'Page not found'}</Title>
      <Text>
        {forbidden
          ? 'Your role does not give access to this page.'
          : 'This address does not match any page in Plasticity.'}
      </Text>
      <Anchor component={RouterLink} href="/">
        Go to the start page
      </Anchor>
    </Stack>
  );
}

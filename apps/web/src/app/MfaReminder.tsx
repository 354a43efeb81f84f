import { Alert, Anchor } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { useMe } from './auth.tsx';
import { RouterLink, usePathname } from './router.tsx';

/** Staff whose role requires two-step verification but who have not set it up yet. */
export function MfaReminder() {
  const me = useMe();
  const pathname = usePathname();
  if (!me.mfaRequired || me.mfaEnabled || pathname === '/account') return null;
  return (
    <Alert color="indigo" variant="light" mb="md" icon={<IconShieldLock size={18} aria-hidden />}>
      Your role requires two-step verification.{' '}
      <Anchor component={RouterLink} href="/account" fw={700} c="inherit" underline="always">
        Set it up on your Account page
      </Anchor>
      .
    </Alert>
  );
}

import { Alert, Anchor, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { RouterLink, usePathname } from '../../app/router.tsx';
import { onAlertsChanged } from './alertsChanged.ts';
import { alertKeys, useAlerts } from './queries.ts';

/** How often the open-alert count is re-read while a clinician works elsewhere in the app. */
const REFRESH_MS = 20_000;

/**
 * Open alerts stay in front of every clinician until acknowledged: a strip above every staff
 * page (except the Alerts page itself) with the count and the newest alert's title — never a
 * patient's name, since the strip shows on every screen. Re-read every 20 s, and at once when the
 * live board stream reports an alert raised or acknowledged, or this browser acknowledges one.
 */
export function OpenAlertsBanner() {
  const pathname = usePathname();
  const queries = useQueryClient();
  // A failed read leaves the strip as it was: the Alerts page shows load errors.
  const open = useAlerts('open', REFRESH_MS).data ?? [];
  // Not a fetch: the browser-wide "alerts changed" notice marks the cached alert lists stale.
  useEffect(
    () => onAlertsChanged(() => void queries.invalidateQueries({ queryKey: alertKeys.all })),
    [queries],
  );
  if (open.length === 0 || pathname === '/alerts') return null;
  const newest = [...open].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  return (
    <Alert
      color="red"
      variant="filled"
      mb="md"
      icon={<IconAlertTriangle size={18} aria-hidden />}
      role="alert"
      aria-label="Open alerts"
    >
      <Text size="sm" fw={600} span>
        {open.length} open alert{open.length === 1 ? '' : 's'}
        {newest ? ` — newest: ${newest.title}` : ''}.{' '}
      </Text>
      <Anchor component={RouterLink} href="/alerts" c="white" fw={700} underline="always" size="sm">
        Review and acknowledge
      </Anchor>
    </Alert>
  );
}

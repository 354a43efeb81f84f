import { Alert, Anchor, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { RouterLink, usePathname } from '../../app/router.tsx';
import { onAlertsChanged } from './alertsChanged.ts';
import { type AlertT, listAlerts } from './api.ts';

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
  const [open, setOpen] = useState<AlertT[]>([]);
  useEffect(() => {
    const ctl = new AbortController();
    const load = () => {
      listAlerts({ status: 'open' }, ctl.signal).then(setOpen, () => {
        /* the Alerts page shows load errors; the strip stays quiet */
      });
    };
    load();
    const t = window.setInterval(load, REFRESH_MS);
    const off = onAlertsChanged(load);
    return () => {
      ctl.abort();
      window.clearInterval(t);
      off();
    };
  }, []);
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

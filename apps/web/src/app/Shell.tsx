import { AppShell, Burger, Group, NavLink, ScrollArea } from '@mantine/core';
import { useDisclosure, useElementSize } from '@mantine/hooks';
import { type ReactNode, Suspense } from 'react';
import { DemoBanner } from '../ui/DemoBanner.tsx';
import { useMe } from './auth.tsx';
import { MfaReminder } from './MfaReminder.tsx';
import { navFor, shellBannersFor } from './registry.ts';
import { RouterLink, usePathname } from './router.tsx';
import classes from './shell.module.css';
import { UserMenu } from './UserMenu.tsx';

const BAR = 52;
/** Until measured (first paint), assume the banner is one line. */
const BANNER_GUESS = 29;

const isActive = (itemPath: string, pathname: string) =>
  pathname === itemPath || (itemPath !== '/' && pathname.startsWith(`${itemPath}/`));

/** The staff layout: header (brand, clinic, user menu), role-filtered navigation, main. */
export function Shell({ children }: { children: ReactNode }) {
  const me = useMe();
  const pathname = usePathname();
  const [navOpen, { toggle, close }] = useDisclosure(false);
  const items = navFor(me.role);
  const demo = me.clinic.demo;
  // The banner may wrap (phones, text zoom): size the fixed header from its measured height.
  const banner = useElementSize<HTMLDivElement>();
  const bannerHeight = demo ? Math.ceil(banner.height) || BANNER_GUESS : 0;

  return (
    <AppShell
      header={{ height: BAR + bannerHeight }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !navOpen } }}
      padding="md"
    >
      <AppShell.Header className={classes.header}>
        {demo && <DemoBanner ref={banner.ref} />}
        <div className={classes.bar}>
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger
              opened={navOpen}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label="Toggle navigation"
              aria-expanded={navOpen}
            />
            <RouterLink href="/" className={classes.brand}>
              Plasticity
            </RouterLink>
            <span className={classes.clinic}>{me.clinic.name}</span>
          </Group>
          <UserMenu />
        </div>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label="Main navigation">
        <ScrollArea type="auto">
          {items.map((item) => {
            const Icon = item.icon;
            const active = isActive(item.path, pathname);
            return (
              <NavLink
                key={item.id}
                component={RouterLink}
                href={item.path}
                label={item.label}
                leftSection={Icon ? <Icon size={18} stroke={1.6} aria-hidden /> : undefined}
                active={active}
                className={classes.navLink}
                aria-current={active ? 'page' : undefined}
                onClick={close}
              />
            );
          })}
        </ScrollArea>
      </AppShell.Navbar>

      <AppShell.Main>
        <MfaReminder />
        {/* A banner's code loads with the page's; until it has, the page shows without it. */}
        <Suspense fallback={null}>
          {shellBannersFor(me.role).map((b) => (
            <b.component key={b.id} />
          ))}
        </Suspense>
        {children}
      </AppShell.Main>
    </AppShell>
  );
}

import { Anchor, Container, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { CrisisLine } from '../features/measurement/CrisisResources.tsx';
import { DemoBanner } from '../ui/DemoBanner.tsx';
import { useMe } from './auth.tsx';
import { navFor } from './registry.ts';
import { RouterLink, usePathname } from './router.tsx';
import classes from './shell.module.css';
import { UserMenu } from './UserMenu.tsx';

/**
 * The patient portal layout: phone-first, one narrow column, no staff navigation. Items
 * registered for the `patient` role appear as a row of links once there is more than one; the crisis
 * line (call or text 988, call 911) stays at the top of every page.
 */
export function PortalShell({ children }: { children: ReactNode }) {
  const me = useMe();
  const pathname = usePathname();
  const items = navFor('patient');
  return (
    <>
      <header>
        {me.clinic.demo && <DemoBanner />}
        <div className={classes.bar} style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
          <span className={classes.brand}>{me.clinic.name}</span>
          <UserMenu />
        </div>
        {items.length > 1 && (
          <nav aria-label="Portal navigation">
            <Group gap="md" px="md" py={6}>
              {items.map((item) => (
                <Anchor
                  key={item.id}
                  component={RouterLink}
                  href={item.path}
                  size="sm"
                  fw={pathname === item.path ? 700 : 400}
                  aria-current={pathname === item.path ? 'page' : undefined}
                >
                  {item.label}
                </Anchor>
              ))}
            </Group>
          </nav>
        )}
      </header>
      <CrisisLine />
      <main>
        <Container size="xs" className={classes.portalMain}>
          {children}
        </Container>
      </main>
    </>
  );
}

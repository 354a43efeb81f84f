import { Group, Menu, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconLogout, IconShieldLock, IconUser } from '@tabler/icons-react';
import { roleLabel } from '../ui/format.ts';
import { useAuth, useMe } from './auth.tsx';
import { useNavigate } from './router.tsx';
import classes from './shell.module.css';

/**
 * Name and role are shown as text beside the menu button (not inside it), so the button's
 * accessible name is exactly "Account menu" without contradicting visible text.
 */
export function UserMenu() {
  const me = useMe();
  const { logout } = useAuth();
  const navigate = useNavigate();
  return (
    <Group gap={6} wrap="nowrap">
      <div className={classes.userText}>
        <Text size="sm" fw={600} lh={1.2} truncate>
          {me.displayName}
        </Text>
        <Text size="xs" c="dimmed" lh={1.2}>
          {roleLabel(me.role)}
        </Text>
      </div>
      <Menu position="bottom-end" width={200} withinPortal={false}>
        <Menu.Target>
          <UnstyledButton className={classes.userButton} aria-label="Account menu">
            <Group gap={4} wrap="nowrap">
              <ThemeIcon size="md" radius="xl" variant="light" color="indigo" aria-hidden>
                <IconUser size={16} />
              </ThemeIcon>
              <IconChevronDown size={14} aria-hidden />
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item
            leftSection={<IconShieldLock size={16} aria-hidden />}
            onClick={() => navigate('/account')}
          >
            Account
          </Menu.Item>
          <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={() => void logout()}>
            Log out
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}

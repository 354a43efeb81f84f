import { Menu, Text, UnstyledButton, Group, Avatar } from '@mantine/core';
import { IconChevronDown, IconLogout, IconShieldLock } from '@tabler/icons-react';
import { roleLabel } from '../ui/format.ts';
import { useAuth, useMe } from './auth.tsx';
import { useNavigate } from './router.tsx';
import classes from './shell.module.css';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join('');

export function UserMenu() {
  const me = useMe();
  const { logout } = useAuth();
  const navigate = useNavigate();
  return (
    <Menu position="bottom-end" width={220} withinPortal>
      <Menu.Target>
        <UnstyledButton className={classes.userButton} aria-label="Account menu">
          <Group gap="xs" wrap="nowrap">
            <Avatar size="sm" radius="xl" color="indigo" aria-hidden>
              {initials(me.displayName)}
            </Avatar>
            <div className={classes.userText}>
              <Text size="sm" fw={600} lh={1.2} truncate>
                {me.displayName}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2}>
                {roleLabel(me.role)}
              </Text>
            </div>
            <IconChevronDown size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.email}</Menu.Label>
        <Menu.Item leftSection={<IconShieldLock size={16} aria-hidden />} onClick={() => navigate('/account')}>
          Account
        </Menu.Item>
        <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={() => void logout()}>
          Log out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

import { Badge, Button, Group, Stack, Table, Tabs, Text, Title, VisuallyHidden } from '@mantine/core';
import type { UserSummary } from '@plasticity/contracts';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useMe } from '../../app/auth.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDateTime, roleLabel } from '../../ui/format.ts';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { InviteUserModal } from './InviteUserModal.tsx';
import { useUsers } from './queries.ts';
import { UserActions } from './UserActions.tsx';

function Status({ user }: { user: UserSummary }) {
  if (!user.active) return <Badge color="gray">Deactivated</Badge>;
  if (user.invitePending) return <Badge color="orange">Invited</Badge>;
  return <Badge color="green">Active</Badge>;
}

/** One list of accounts: staff (with their role) or patients' portal accounts. */
function UserTable({
  users,
  label,
  showRole = false,
  timeZone,
}: {
  users: UserSummary[];
  label: string;
  showRole?: boolean;
  timeZone: string;
}) {
  if (users.length === 0) return <Text c="dimmed">No accounts yet.</Text>;
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Email</Table.Th>
            {showRole && <Table.Th>Role</Table.Th>}
            <Table.Th>Status</Table.Th>
            <Table.Th>Two-step</Table.Th>
            <Table.Th>Last sign-in</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Td fw={600}>{user.displayName}</Table.Td>
              <Table.Td>{user.email}</Table.Td>
              {showRole && <Table.Td>{roleLabel(user.role)}</Table.Td>}
              <Table.Td>
                <Status user={user} />
              </Table.Td>
              <Table.Td>{user.mfaEnabled ? 'On' : 'Off'}</Table.Td>
              <Table.Td>{formatDateTime(user.lastLoginAt, timeZone)}</Table.Td>
              <Table.Td ta="right">
                <UserActions user={user} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function UsersPage() {
  const me = useMe();
  const query = useUsers();
  const users = query.data ?? null;
  const { error } = query;
  const [inviting, setInviting] = useState(false);
  const staff = (users ?? []).filter((u) => u.role !== 'patient');
  const patients = (users ?? []).filter((u) => u.role === 'patient');

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={1}>Users</Title>
        <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setInviting(true)}>
          Invite staff member
        </Button>
      </Group>
      <ErrorAlert error={error} title="Could not load users" />
      {users === null && !error ? (
        <LoadingState label="Loading users…" />
      ) : users ? (
        <Tabs defaultValue="staff" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="staff">Staff ({staff.length})</Tabs.Tab>
            <Tabs.Tab value="patients">Patients with portal accounts ({patients.length})</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="staff" pt="sm">
            <UserTable users={staff} label="Staff" showRole timeZone={me.clinic.timeZone} />
          </Tabs.Panel>
          <Tabs.Panel value="patients" pt="sm">
            <Text size="sm" c="dimmed" mb="xs">
              Patients are invited to the portal from their chart.
            </Text>
            <UserTable users={patients} label="Patients" timeZone={me.clinic.timeZone} />
          </Tabs.Panel>
        </Tabs>
      ) : null}
      <InviteUserModal opened={inviting} onClose={() => setInviting(false)} />
    </Stack>
  );
}

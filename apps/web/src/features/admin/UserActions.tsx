import { ActionIcon, Button, Group, Menu, Modal, NativeSelect, Stack, Text } from '@mantine/core';
import type { UserSummary } from '@plasticity/contracts';
import { IconDots } from '@tabler/icons-react';
import { useState } from 'react';
import * as admin from '../../api/admin.ts';
import { useMe } from '../../app/auth.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { roleLabel } from '../../ui/format.ts';
import { OneTimeLinkOrSent } from '../../ui/OneTimeLink.tsx';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { adminKeys } from './queries.ts';

type Dialog =
  | { kind: 'role' }
  | { kind: 'deactivate' }
  | { kind: 'reset-mfa' }
  | { kind: 'reset-password' }
  | { kind: 'link'; link: admin.ResetLink };

const CONFIRM_TEXT = {
  deactivate: (u: UserSummary) =>
    `${u.displayName} will be signed out and can no longer sign in. Their records and audit history are kept.`,
  'reset-mfa': (u: UserSummary) =>
    `${u.displayName}'s authenticator app and recovery codes stop working. They set up two-step verification again at next sign-in.`,
  'reset-password': (u: UserSummary) =>
    `Signs ${u.displayName} out everywhere now and creates a one-time link to choose a new password. Their current password stops working when they use it.`,
} as const;

const TITLES = {
  deactivate: 'Deactivate user',
  'reset-mfa': 'Reset two-step verification',
  'reset-password': 'Reset password',
};

/** The row menu of the users table: role, (de)activation, password and MFA resets. */
export function UserActions({ user }: { user: UserSummary }) {
  const me = useMe();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [role, setRole] = useState<admin.StaffRole>('nurse');
  const acting = useApiMutation((action: () => Promise<unknown>) => action(), {
    invalidates: [adminKeys.users()],
  });
  const { busy } = acting;
  const failure = acting.error;
  const isSelf = user.id === me.id;

  const open = (next: Dialog) => {
    acting.reset();
    if (next.kind === 'role') setRole(user.role === 'patient' ? 'nurse' : user.role);
    setDialog(next);
  };

  const run = async (action: () => Promise<unknown>, after?: (result: unknown) => void) => {
    const result = await acting.run(action);
    if (!result.ok) return;
    if (after) after(result.data);
    else setDialog(null);
  };

  const confirm = () => {
    if (!dialog) return;
    if (dialog.kind === 'role') return run(() => admin.changeUserRole(user.id, role));
    if (dialog.kind === 'deactivate') return run(() => admin.deactivateUser(user.id));
    if (dialog.kind === 'reset-mfa') return run(() => admin.resetUserMfa(user.id));
    if (dialog.kind === 'reset-password')
      return run(
        () => admin.resetUserPassword(user.id),
        (link) => setDialog({ kind: 'link', link: link as admin.ResetLink }),
      );
  };

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${user.displayName}`}>
            <IconDots size={16} aria-hidden />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {user.role !== 'patient' && !isSelf && (
            <Menu.Item onClick={() => open({ kind: 'role' })}>Change role…</Menu.Item>
          )}
          <Menu.Item onClick={() => open({ kind: 'reset-password' })}>Reset password…</Menu.Item>
          {user.mfaEnabled && (
            <Menu.Item onClick={() => open({ kind: 'reset-mfa' })}>Reset two-step verification…</Menu.Item>
          )}
          {!isSelf &&
            (user.active ? (
              <Menu.Item color="red" onClick={() => open({ kind: 'deactivate' })}>
                Deactivate…
              </Menu.Item>
            ) : (
              <Menu.Item onClick={() => run(() => admin.reactivateUser(user.id))}>Reactivate</Menu.Item>
            ))}
        </Menu.Dropdown>
      </Menu>
      {failure && !dialog ? <ErrorAlert error={failure} onClose={acting.reset} /> : null}

      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        title={
          dialog?.kind === 'role'
            ? 'Change role'
            : dialog?.kind === 'link'
              ? 'Password reset link'
              : dialog
                ? TITLES[dialog.kind]
                : ''
        }
      >
        <Stack gap="sm">
          <ErrorAlert error={failure} />
          {dialog?.kind === 'link' ? (
            <>
              <OneTimeLinkOrSent
                link={dialog.link.link}
                sentTo={user.email}
                expiresAt={dialog.link.expiresAt}
                timeZone={me.clinic.timeZone}
                label="Reset link"
              />
              <Group justify="flex-end">
                <Button onClick={() => setDialog(null)}>Done</Button>
              </Group>
            </>
          ) : (
            <>
              {dialog?.kind === 'role' ? (
                <NativeSelect
                  label={`Role for ${user.displayName}`}
                  data={admin.STAFF_ROLE_OPTIONS.map((r) => ({ value: r, label: roleLabel(r) }))}
                  value={role}
                  onChange={(e) => setRole(e.currentTarget.value as admin.StaffRole)}
                />
              ) : dialog ? (
                <Text size="sm">{CONFIRM_TEXT[dialog.kind](user)}</Text>
              ) : null}
              <Group justify="flex-end" gap="sm">
                <Button variant="default" onClick={() => setDialog(null)}>
                  Cancel
                </Button>
                <Button
                  color={dialog?.kind === 'deactivate' ? 'red' : undefined}
                  loading={busy}
                  onClick={confirm}
                >
                  {dialog?.kind === 'role' ? 'Save role' : dialog ? TITLES[dialog.kind] : ''}
                </Button>
              </Group>
            </>
          )}
        </Stack>
      </Modal>
    </>
  );
}

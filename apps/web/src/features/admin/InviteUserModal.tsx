import { Button, Group, Modal, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { type Invite, inviteUser, STAFF_ROLE_OPTIONS, type StaffRole } from '../../api/admin.ts';
import type { FieldErrors } from '../../api/errors.ts';
import { useMe } from '../../app/auth.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { roleLabel } from '../../ui/format.ts';
import { OneTimeLinkOrSent } from '../../ui/OneTimeLink.tsx';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { adminKeys } from './queries.ts';

interface Props {
  opened: boolean;
  onClose: () => void;
}

const ROLE_OPTIONS = STAFF_ROLE_OPTIONS.map((role) => ({ value: role, label: roleLabel(role) }));

export function InviteUserModal({ opened, onClose }: Props) {
  const me = useMe();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<StaffRole>('nurse');
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  const inviting = useApiMutation(inviteUser, { invalidates: [adminKeys.users()] });
  const errors = { ...inviting.fieldErrors, ...localErrors };
  // Field errors show beside their fields; the box is for everything else.
  const failure = Object.keys(inviting.fieldErrors).length > 0 ? null : inviting.error;
  const invite: Invite | null = inviting.data ?? null;
  const { busy } = inviting;

  const close = () => {
    setEmail('');
    setDisplayName('');
    setRole('nurse');
    setLocalErrors({});
    inviting.reset();
    onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local: FieldErrors = {};
    if (!email.trim()) local.email = 'Required';
    if (!displayName.trim()) local.displayName = 'Required';
    setLocalErrors(local);
    if (Object.keys(local).length > 0) {
      inviting.reset();
      return;
    }
    await inviting.run({ email: email.trim(), displayName: displayName.trim(), role });
  };

  return (
    <Modal opened={opened} onClose={close} title="Invite a staff member">
      {invite ? (
        <Stack gap="sm">
          <Text size="sm">
            {invite.user.displayName} was invited as {roleLabel(invite.user.role)}.
            {invite.link
              ? ' Give them this link to set their password. It is shown only now, and this was recorded.'
              : ' They set their password through the link in the email.'}
          </Text>
          <OneTimeLinkOrSent
            link={invite.link}
            sentTo={invite.user.email}
            expiresAt={invite.expiresAt}
            timeZone={me.clinic.timeZone}
            label="Invitation link"
          />
          <Group justify="flex-end">
            <Button onClick={close}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate aria-label="Invite a staff member">
          <Stack gap="sm">
            <ErrorAlert error={failure} title="The invitation was not created" />
            <TextInput
              label="Name"
              required
              value={displayName}
              error={errors.displayName}
              onChange={(e) => setDisplayName(e.currentTarget.value)}
            />
            <TextInput
              label="Email"
              type="email"
              required
              value={email}
              error={errors.email}
              onChange={(e) => setEmail(e.currentTarget.value)}
            />
            <NativeSelect
              label="Role"
              data={ROLE_OPTIONS}
              value={role}
              error={errors.role}
              onChange={(e) => setRole(e.currentTarget.value as StaffRole)}
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={busy}>
                Create invitation
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

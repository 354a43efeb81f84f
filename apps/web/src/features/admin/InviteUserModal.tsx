import { Button, Group, Modal, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { type Invite, inviteUser, STAFF_ROLE_OPTIONS, type StaffRole } from '../../api/admin.ts';
import { type FieldErrors, fieldErrorsOf } from '../../api/errors.ts';
import { useMe } from '../../app/auth.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { roleLabel } from '../../ui/format.ts';
import { OneTimeLinkOrSent } from '../../ui/OneTimeLink.tsx';

interface Props {
  opened: boolean;
  onClose: () => void;
  onInvited: () => void;
}

const ROLE_OPTIONS = STAFF_ROLE_OPTIONS.map((role) => ({ value: role, label: roleLabel(role) }));

export function InviteUserModal({ opened, onClose, onInvited }: Props) {
  const me = useMe();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<StaffRole>('nurse');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [invite, setInvite] = useState<Invite | null>(null);
  const [busy, setBusy] = useState(false);

  const close = () => {
    setEmail('');
    setDisplayName('');
    setRole('nurse');
    setErrors({});
    setFailure(null);
    setInvite(null);
    onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local: FieldErrors = {};
    if (!email.trim()) local.email = 'Required';
    if (!displayName.trim()) local.displayName = 'Required';
    setErrors(local);
    setFailure(null);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    try {
      setInvite(await inviteUser({ email: email.trim(), displayName: displayName.trim(), role }));
      onInvited();
    } catch (error) {
      const fields = fieldErrorsOf(error);
      setErrors(fields);
      if (Object.keys(fields).length === 0) setFailure(error);
    } finally {
      setBusy(false);
    }
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

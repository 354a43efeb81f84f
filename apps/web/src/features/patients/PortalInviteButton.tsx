import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import type { Patient } from '@plasticity/contracts';
import { IconMailForward } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import type { Invite } from '../../api/admin.ts';
import { fieldErrorsOf } from '../../api/errors.ts';
import { invitePatientToPortal } from '../../api/patients.ts';
import { useMe } from '../../app/auth.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { OneTimeLinkOrSent } from '../../ui/OneTimeLink.tsx';

/**
 * Staff: invite the patient to the portal. The link goes to the patient by email; only an admin, on a
 * server without email, is shown it once to hand over.
 */
export function PortalInviteButton({ patient }: { patient: Patient }) {
  const me = useMe();
  const [opened, setOpened] = useState(false);
  const [email, setEmail] = useState(patient.email ?? '');
  const [invite, setInvite] = useState<Invite | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const open = () => {
    setEmail(patient.email ?? '');
    setInvite(null);
    setFailure(null);
    setOpened(true);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setBusy(true);
    try {
      setInvite(await invitePatientToPortal(patient.id, email.trim() || undefined));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const emailError = fieldErrorsOf(failure).email;
  return (
    <>
      <Button
        variant="default"
        size="xs"
        leftSection={<IconMailForward size={16} aria-hidden />}
        onClick={open}
      >
        Invite to portal
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title="Invite to the patient portal">
        {invite ? (
          <Stack gap="sm">
            <Text size="sm">
              {invite.link
                ? 'The invitation is ready. Give the patient this link. It is shown only now, and this was recorded.'
                : 'The invitation is ready. The patient sets a password through the link in the email.'}
            </Text>
            <OneTimeLinkOrSent
              link={invite.link}
              sentTo={invite.user.email}
              expiresAt={invite.expiresAt}
              timeZone={me.clinic.timeZone}
              label="Invitation link"
            />
            <Group justify="flex-end">
              <Button onClick={() => setOpened(false)}>Done</Button>
            </Group>
          </Stack>
        ) : (
          <form onSubmit={submit} noValidate aria-label="Invite to the patient portal">
            <Stack gap="sm">
              {!emailError && <ErrorAlert error={failure} title="The invitation was not created" />}
              <TextInput
                label="Patient email"
                description="Where the invitation is sent. Leave empty to use the email on file."
                type="email"
                value={email}
                error={emailError}
                onChange={(e) => setEmail(e.currentTarget.value)}
              />
              <Group justify="flex-end" gap="sm">
                <Button variant="default" onClick={() => setOpened(false)}>
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
    </>
  );
}

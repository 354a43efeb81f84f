import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import type { Patient } from '@plasticity/contracts';
import { IconMailForward } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { invitePatientToPortal } from '../../api/patients.ts';
import { useMe } from '../../app/auth.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { OneTimeLinkOrSent } from '../../ui/OneTimeLink.tsx';
import { useApiMutation } from '../../ui/useApiMutation.ts';

/**
 * Staff: invite the patient to the portal. The link goes to the patient by email; only an admin, on a
 * server without email, is shown it once to hand over.
 */
export function PortalInviteButton({ patient }: { patient: Patient }) {
  const me = useMe();
  const [opened, setOpened] = useState(false);
  const [email, setEmail] = useState(patient.email ?? '');
  const create = useApiMutation((to: string | undefined) => invitePatientToPortal(patient.id, to));
  const invite = create.data ?? null;

  const open = () => {
    setEmail(patient.email ?? '');
    create.reset();
    setOpened(true);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void create.run(email.trim() || undefined);
  };

  const emailError = create.fieldErrors.email;
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
              {!emailError && <ErrorAlert error={create.error} title="The invitation was not created" />}
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
                <Button type="submit" loading={create.busy}>
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

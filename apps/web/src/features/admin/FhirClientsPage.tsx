/**
 * Admin: the clinic's FHIR system clients (SMART Backend Services). Lists each client with its id (the `iss`
 * and `sub` of its assertions), scopes, keys and status; registers a client from its public key (a JWK or a
 * JWKS pasted as JSON) and the scopes it may be granted; disables one with a reason (never deleted).
 */
import {
  Badge,
  Button,
  Code,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { FhirClient } from '@plasticity/contracts';
import { useState } from 'react';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { useClinicTime } from '../../ui/useClinicTime.ts';
import { disableFhirClient, fhirClientKeys, registerFhirClient, useFhirClients } from './fhirClients.ts';

/** Whether a field error's key is a field's or one of its members' (`publicKey.keys.0.crv` shows on the key). */
const isUnder = (key: string, field: string) => key === field || key.startsWith(`${field}.`);
const errorUnder = (errors: Record<string, string>, field: string) =>
  Object.entries(errors).find(([k]) => isUnder(k, field))?.[1];
/** The form's fields: their errors show on them, not in the error box. */
const SHOWN = ['name', 'publicKey', 'scopes'];

function DisableClient({ client }: { client: FhirClient }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const disabling = useApiMutation((r: string) => disableFhirClient(client.id, { reason: r }), {
    invalidates: [fhirClientKeys.list()],
    onSuccess: () => setOpen(false),
  });
  return (
    <>
      <Button size="compact-sm" variant="light" color="red" onClick={() => setOpen(true)}>
        Disable
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={`Disable ${client.name}`}>
        <Stack gap="sm">
          <Text size="sm">
            The client can no longer get a token, and the tokens it holds stop working at once. This cannot be
            undone: register the client again to restore access.
          </Text>
          <TextInput
            label="Reason"
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={disabling.fieldErrors.reason}
          />
          <ErrorAlert error={disabling.error} title="The client was not disabled" />
          <Group justify="flex-end">
            <Button
              color="red"
              onClick={() => void disabling.run(reason.trim())}
              loading={disabling.busy}
              disabled={!reason.trim()}
            >
              Disable client
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function RegisterClient() {
  const [name, setName] = useState('');
  const [key, setKey] = useState('');
  const [scopes, setScopes] = useState('');
  const [keyNotJson, setKeyNotJson] = useState(false);
  const registering = useApiMutation(registerFhirClient, { invalidates: [fhirClientKeys.list()] });
  const submit = async () => {
    let publicKey: Record<string, unknown>;
    try {
      publicKey = JSON.parse(key);
    } catch {
      setKeyNotJson(true);
      return;
    }
    setKeyNotJson(false);
    const result = await registering.run({
      name: name.trim(),
      publicKey,
      scopes: scopes.split(/\s+/).filter(Boolean),
    });
    if (result.ok) {
      setName('');
      setKey('');
      setScopes('');
    }
  };
  const errors = registering.fieldErrors;
  return (
    <Stack gap="xs" maw={640}>
      <Title order={2} size="h4">
        Register a client
      </Title>
      <TextInput
        label="Name"
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={errors.name}
      />
      <Textarea
        label="Public key (JWK or JWKS, as JSON)"
        description="An RSA key (RS384, 2048 bits or more) or an EC P-384 key (ES384). Never paste a private key."
        autosize
        minRows={4}
        value={key}
        onChange={(e) => setKey(e.currentTarget.value)}
        error={keyNotJson ? 'This is not valid JSON.' : errorUnder(errors, 'publicKey')}
      />
      <TextInput
        label="Scopes"
        description="Separated by spaces, for example system/Observation.rs system/Patient.rs, or system/*.rs for every type."
        value={scopes}
        onChange={(e) => setScopes(e.currentTarget.value)}
        error={errorUnder(errors, 'scopes')}
      />
      <ErrorAlert
        error={registering.error}
        title="The client was not registered"
        extra={registering.unplaced(Object.keys(errors).filter((k) => SHOWN.some((f) => isUnder(k, f))))}
      />
      <Group>
        <Button
          onClick={submit}
          loading={registering.busy}
          disabled={!name.trim() || !key.trim() || !scopes.trim()}
        >
          Register
        </Button>
      </Group>
    </Stack>
  );
}

export function FhirClientsPage() {
  const clients = useFhirClients();
  const time = useClinicTime();
  return (
    <Stack gap="sm">
      <Title order={1} size="h3">
        FHIR system clients
      </Title>
      <Text size="sm" c="dimmed">
        Other systems (a registry, a payer, a research warehouse) read the FHIR interface with SMART Backend
        Services: they sign a request with their private key and get a token valid five minutes. A client
        never receives records of a patient treated for a substance use disorder (42 CFR Part 2).
      </Text>
      {clients.data && (
        <Text size="sm">
          Token endpoint (the <Code>aud</Code> of each assertion): <Code>{clients.data.tokenEndpoint}</Code>
        </Text>
      )}
      <ErrorAlert error={clients.error} title="Could not load the clients" />
      <Table verticalSpacing={4} fz="sm" aria-label="System clients">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Client ID</Table.Th>
            <Table.Th>Scopes</Table.Th>
            <Table.Th>Keys</Table.Th>
            <Table.Th>Registered</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Action</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(clients.data?.items ?? []).map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>{c.name}</Table.Td>
              <Table.Td>
                <Code>{c.id}</Code>
              </Table.Td>
              <Table.Td>{c.scopes.join(' ')}</Table.Td>
              <Table.Td>{c.keys.map((k) => (k.kid ? `${k.alg} (${k.kid})` : k.alg)).join(', ')}</Table.Td>
              <Table.Td>{time.date(c.createdAt)}</Table.Td>
              <Table.Td>
                {c.disabledAt ? (
                  <Badge color="gray.7" title={c.disabledReason ?? undefined}>
                    Disabled {time.date(c.disabledAt)}
                  </Badge>
                ) : (
                  <Badge color="green.9">Active</Badge>
                )}
              </Table.Td>
              <Table.Td>{c.disabledAt ? null : <DisableClient client={c} />}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {clients.data && clients.data.items.length === 0 && (
        <Text size="sm" c="dimmed">
          No client is registered.
        </Text>
      )}
      <RegisterClient />
    </Stack>
  );
}

import { Button, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useMe } from '../../app/auth.tsx';
import { useNavigate } from '../../app/router.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { NewPatientModal } from './NewPatientModal.tsx';
import { PatientTable } from './PatientTable.tsx';
import { usePatientSearch } from './usePatientSearch.ts';

export function PatientsPage() {
  const me = useMe();
  const navigate = useNavigate();
  const [term, setTerm] = useState('');
  const [creating, setCreating] = useState(false);
  const { items, loading, error, hasMore, loadingMore, loadMore } = usePatientSearch(term);
  const canCreate = me.role !== 'patient';

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="center">
        <Title order={1}>Patients</Title>
        {canCreate && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
            New patient
          </Button>
        )}
      </Group>

      <TextInput
        label="Search patients"
        description="Name, MRN, phone or date of birth"
        type="search"
        autoComplete="off"
        value={term}
        onChange={(e) => setTerm(e.currentTarget.value)}
        leftSection={<IconSearch size={16} aria-hidden />}
        rightSection={loading ? <Loader size="xs" aria-label="Searching" /> : null}
        maw={420}
      />

      <ErrorAlert error={error} title="Could not load patients" />

      <div aria-live="polite">
        {!loading && !error && (
          <Text size="xs" c="dimmed">
            {items.length === 0
              ? term.trim()
                ? 'No patients match this search.'
                : 'No patients yet.'
              : `${hasMore ? 'First ' : ''}${items.length} ${items.length === 1 ? 'patient' : 'patients'}`}
          </Text>
        )}
      </div>

      {items.length > 0 && <PatientTable patients={items} busy={loading} />}

      {hasMore && !error && (
        <Group>
          <Button variant="default" onClick={loadMore} loading={loadingMore}>
            Load more patients
          </Button>
        </Group>
      )}

      {canCreate && (
        <NewPatientModal
          opened={creating}
          onClose={() => setCreating(false)}
          onCreated={(patient) => {
            setCreating(false);
            navigate(`/patients/${encodeURIComponent(patient.id)}`);
          }}
        />
      )}
    </Stack>
  );
}

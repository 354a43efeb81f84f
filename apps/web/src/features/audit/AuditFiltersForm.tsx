import { Button, Group, NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { AuditAction, type UserSummary } from '@plasticity/contracts';
import { type FormEvent, useState } from 'react';
import type { FieldErrors } from '../../api/errors.ts';
import { type AuditFilters, emptyFilters, validateFilters } from './auditQuery.ts';

interface Props {
  applied: AuditFilters;
  users: UserSummary[];
  onApply: (filters: AuditFilters) => void;
}

const ACTION_OPTIONS = [
  { value: '', label: 'Any action' },
  ...AuditAction.options.map((a) => ({ value: a, label: a.charAt(0).toUpperCase() + a.slice(1) })),
];

/** Filters are applied on submit, so typing does not send a query per keystroke. */
export function AuditFiltersForm({ applied, users, onApply }: Props) {
  const [draft, setDraft] = useState<AuditFilters>(applied);
  const [errors, setErrors] = useState<FieldErrors>({});

  const set = (key: keyof AuditFilters, value: string) => {
    setDraft((d) => ({ ...d, [key]: value }));
    if (errors[key]) setErrors(({ [key]: _, ...rest }) => rest);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateFilters(draft);
    setErrors(found);
    if (Object.keys(found).length === 0) onApply(draft);
  };

  const clear = () => {
    const empty = emptyFilters();
    setDraft(empty);
    setErrors({});
    onApply(empty);
  };

  const userOptions = [
    { value: '', label: 'Any user' },
    ...users.map((u) => ({ value: u.id, label: `${u.displayName} (${u.email})` })),
  ];

  return (
    <form onSubmit={submit} noValidate aria-label="Audit filters">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm" verticalSpacing="xs">
        <TextInput
          label="From"
          type="datetime-local"
          value={draft.from}
          error={errors.from}
          onChange={(e) => set('from', e.currentTarget.value)}
        />
        <TextInput
          label="To"
          type="datetime-local"
          value={draft.to}
          error={errors.to}
          onChange={(e) => set('to', e.currentTarget.value)}
        />
        <NativeSelect
          label="User"
          data={userOptions}
          value={draft.userId}
          onChange={(e) => set('userId', e.currentTarget.value)}
        />
        <TextInput
          label="Patient id"
          placeholder="Patient UUID"
          autoComplete="off"
          spellCheck={false}
          value={draft.patientId}
          error={errors.patientId}
          onChange={(e) => set('patientId', e.currentTarget.value)}
        />
        <NativeSelect
          label="Action"
          data={ACTION_OPTIONS}
          value={draft.action}
          onChange={(e) => set('action', e.currentTarget.value)}
        />
      </SimpleGrid>
      <Group gap="sm" mt="sm">
        <Button type="submit" size="xs">
          Apply filters
        </Button>
        <Button variant="default" size="xs" onClick={clear}>
          Clear
        </Button>
      </Group>
    </form>
  );
}

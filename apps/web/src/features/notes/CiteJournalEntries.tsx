import { Checkbox, Stack, Text } from '@mantine/core';
import { useMe } from '../../app/auth.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDate } from '../../ui/format.ts';
import { useSharedEntries } from '../journal/queries.ts';

const EXCERPT = 160;
const excerpt = (text: string) => (text.length > EXCERPT ? `${text.slice(0, EXCERPT).trimEnd()}…` : text);

/**
 * The journal entries the patient shares with the care team, to tick the ones the note discusses. Private
 * entries never reach staff, so they are never offered.
 */
export function CiteJournalEntries({
  patientId,
  value,
  onChange,
  error,
}: {
  patientId: string;
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string;
}) {
  const me = useMe();
  const shared = useSharedEntries(patientId);
  if (shared.error)
    return <ErrorAlert error={shared.error} title="Could not load the shared journal entries" />;
  const items = shared.data ?? [];
  if (items.length === 0) return null;
  return (
    <Checkbox.Group
      label="Shared journal entries this note discusses"
      value={value}
      onChange={onChange}
      error={error}
    >
      <Stack gap={6} mt={4}>
        {items.map((e) => (
          <Checkbox
            key={e.id}
            value={e.id}
            label={
              <Text size="sm" span>
                <Text span fw={600} size="sm">
                  {formatDate(e.createdAt, me.clinic.timeZone)}:
                </Text>{' '}
                {excerpt(e.text)}
              </Text>
            }
          />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

/** The proposed visits of a course, editable: date and time (clinic's zone), chair, or removed. */
import { ActionIcon, Select, Table, TextInput, VisuallyHidden } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useChairs } from './queries.ts';

export interface CourseRow {
  key: number;
  date: string;
  time: string;
  chairId: string | null;
  clinicianId: string | null;
  durationMin: number;
}

export function CourseProposalTable({
  rows,
  onChange,
  errors,
}: {
  rows: CourseRow[];
  onChange: (rows: CourseRow[]) => void;
  /** Field errors of the booking, keyed `items.<i>.<field>`. */
  errors: Record<string, string>;
}) {
  const chairs = useChairs();
  const options = (chairs.data ?? []).map((c) => ({ value: c.id, label: c.name }));
  const set = (key: number, patch: Partial<CourseRow>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <Table verticalSpacing={2} fz="sm" aria-label="Proposed visits">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Visit</Table.Th>
          <Table.Th>Date</Table.Th>
          <Table.Th>Time</Table.Th>
          <Table.Th>Chair or room</Table.Th>
          <Table.Th>
            <VisuallyHidden>Remove</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r, i) => {
          const n = i + 1;
          const error = (field: string) => errors[`items.${i}.${field}`] ?? errors[`items.${i}`];
          return (
            <Table.Tr key={r.key}>
              <Table.Td>{n}</Table.Td>
              <Table.Td>
                <TextInput
                  type="date"
                  size="xs"
                  aria-label={`Visit ${n} date`}
                  value={r.date}
                  onChange={(e) => set(r.key, { date: e.currentTarget.value })}
                  error={error('start')}
                />
              </Table.Td>
              <Table.Td>
                <TextInput
                  type="time"
                  size="xs"
                  aria-label={`Visit ${n} time`}
                  value={r.time}
                  onChange={(e) => set(r.key, { time: e.currentTarget.value })}
                />
              </Table.Td>
              <Table.Td>
                <Select
                  size="xs"
                  aria-label={`Visit ${n} chair`}
                  data={options}
                  value={r.chairId}
                  onChange={(v) => set(r.key, { chairId: v })}
                  // Picking the chosen chair again keeps it (the clear button removes it).
                  allowDeselect={false}
                  clearable
                  error={error('chairId')}
                />
              </Table.Td>
              <Table.Td>
                <ActionIcon
                  variant="subtle"
                  color="red.9"
                  aria-label={`Remove visit ${n}`}
                  onClick={() => onChange(rows.filter((x) => x.key !== r.key))}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

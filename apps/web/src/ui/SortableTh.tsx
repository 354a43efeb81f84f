import { Table, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowsSort, IconArrowUp } from '@tabler/icons-react';
import classes from './ui.module.css';

type SortOrder = 'asc' | 'desc';

interface Props<C extends string> {
  column: C;
  label: string;
  sort: C;
  order: SortOrder;
  onSort: (column: C) => void;
}

/** A column header that sorts on click or Enter/Space, announcing its state with `aria-sort`. */
export function SortableTh<C extends string>({ column, label, sort, order, onSort }: Props<C>) {
  const active = sort === column;
  const Icon = !active ? IconArrowsSort : order === 'asc' ? IconArrowUp : IconArrowDown;
  return (
    <Table.Th aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton className={classes.sortButton} onClick={() => onSort(column)}>
        {label}
        <Icon size={14} aria-hidden style={{ opacity: active ? 1 : 0.55 }} />
      </UnstyledButton>
    </Table.Th>
  );
}

import { NativeSelect } from '@mantine/core';

interface Props {
  label: string;
  data: { value: string; label: string }[];
  value: string | null;
  onChange: (value: string | null) => void;
  error?: string | undefined;
  name?: string;
  /** Text of the empty first option; omit to require a choice from the list. */
  placeholder?: string;
  clearable?: boolean;
}

/** A native select (keyboard, screen reader and mobile friendly) with an optional empty first option. */
export function Choice({
  label,
  data,
  value,
  onChange,
  error,
  name,
  placeholder = 'Choose…',
  clearable = true,
}: Props) {
  const options = clearable ? [{ value: '', label: placeholder }, ...data] : data;
  return (
    <NativeSelect
      label={label}
      name={name}
      data={options}
      value={value ?? ''}
      onChange={(e) => onChange(e.currentTarget.value || null)}
      error={error}
    />
  );
}

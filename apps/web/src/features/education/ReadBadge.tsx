import { Badge } from '@mantine/core';
import type { EducationRead } from '@plasticity/contracts';

/** Whether the patient has read a page: read, read an older version, or not yet. */
export function readLabel(read: EducationRead | null): string {
  if (!read) return 'Not read yet';
  return read.current ? 'Read' : 'Updated since you read it';
}

export function ReadBadge({ read }: { read: EducationRead | null }) {
  const color = !read ? 'gray.7' : read.current ? 'green.9' : 'yellow.4';
  return (
    <Badge variant="filled" autoContrast color={color} size="sm">
      {readLabel(read)}
    </Badge>
  );
}

import {
  Box,
  Button,
  Group,
  LoadingOverlay,
  NativeSelect,
  Pagination,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { fetchAuditCsv } from '../../api/audit.ts';
import { useMe } from '../../app/auth.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { localIsoDate } from '../../ui/format.ts';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { useUsers } from '../admin/queries.ts';
import { AuditFiltersForm } from './AuditFiltersForm.tsx';
import { AuditTable } from './AuditTable.tsx';
import { filterParams, initialView, PAGE_SIZES, toAuditParams, toggleSort } from './auditQuery.ts';
import { useAuditPage } from './queries.ts';

/** Hands a Blob to the browser as a file download. */
function download(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

export function AuditPage() {
  const me = useMe();
  const [view, setView] = useState(initialView);
  const page = useAuditPage(toAuditParams(view));
  const items = page.data?.items ?? [];
  const total = page.data?.total ?? 0;
  const loading = page.isFetching;
  const { error } = page;
  // The filter's user list; without it the filter offers no names (the report itself still loads).
  const users = useUsers().data ?? [];
  const exporting = useApiMutation(fetchAuditCsv, {
    onSuccess: (blob) => download(blob, `audit-${localIsoDate()}.csv`),
  });

  const exportCsv = async () => {
    await exporting.run(filterParams(view));
  };

  const pages = Math.max(1, Math.ceil(total / view.pageSize));
  const first = total === 0 ? 0 : (view.page - 1) * view.pageSize + 1;
  const last = Math.min(total, view.page * view.pageSize);

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={1}>Audit report</Title>
        <Button
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
          onClick={exportCsv}
          loading={exporting.busy}
        >
          Export CSV
        </Button>
      </Group>
      <ErrorAlert error={exporting.error} title="The export failed" onClose={exporting.reset} />
      <Paper withBorder p="sm">
        <AuditFiltersForm
          applied={view.filters}
          users={users}
          onApply={(filters) => setView((v) => ({ ...v, filters, page: 1 }))}
        />
      </Paper>
      <ErrorAlert error={error} title="Could not load the audit report" />
      <Group justify="space-between" gap="xs">
        <Text size="sm" c="dimmed" role="status" aria-live="polite">
          {loading
            ? 'Loading audit entries…'
            : total === 0
              ? 'No entries match these filters.'
              : `${first}–${last} of ${total} entries`}
        </Text>
        {/* Times are shown in the clinic's zone; say which, so they can be matched to other records. */}
        <Text size="sm" c="dimmed">
          Times in {me.clinic.timeZone}
        </Text>
      </Group>
      <Box pos="relative" mih={120}>
        <LoadingOverlay
          visible={loading}
          zIndex={5}
          overlayProps={{ blur: 0, backgroundOpacity: 0.4 }}
          loaderProps={{ size: 'sm' }}
        />
        <AuditTable
          items={items}
          sort={view.sort}
          order={view.order}
          onSort={(column) => setView((v) => toggleSort(v, column))}
          timeZone={me.clinic.timeZone}
          busy={loading}
        />
      </Box>
      <Group justify="space-between">
        <NativeSelect
          label="Rows per page"
          size="xs"
          data={PAGE_SIZES.map(String)}
          value={String(view.pageSize)}
          onChange={(e) => setView((v) => ({ ...v, pageSize: Number(e.currentTarget.value), page: 1 }))}
        />
        <Pagination
          total={pages}
          value={view.page}
          onChange={(page) => setView((v) => ({ ...v, page }))}
          size="sm"
          getControlProps={(control) => ({ 'aria-label': `${control} page` })}
          getItemProps={(page) => ({ 'aria-label': `Page ${page}` })}
        />
      </Group>
    </Stack>
  );
}

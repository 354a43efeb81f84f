import { Button, Group } from '@mantine/core';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { downloadRecordExport, downloadRecordPdf } from './api.ts';

/**
 * "Print record" (the chart as a PDF) and "Export record" (JSON) for the care team. Both carry demographics,
 * plans, sessions with doses, assessments, and progress and integration notes — never a psychotherapy note.
 */
export function RecordButtons({ patientId }: { patientId: string }) {
  const printing = useApiMutation(downloadRecordPdf);
  const exporting = useApiMutation(downloadRecordExport);
  return (
    <>
      <Group gap="xs">
        <Button
          variant="default"
          size="xs"
          loading={printing.busy}
          onClick={() => void printing.run(patientId)}
        >
          Print record
        </Button>
        <Button
          variant="default"
          size="xs"
          loading={exporting.busy}
          onClick={() => void exporting.run(patientId)}
        >
          Export record
        </Button>
      </Group>
      <ErrorAlert error={printing.error ?? exporting.error} title="The record could not be downloaded" />
    </>
  );
}

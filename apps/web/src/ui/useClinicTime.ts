/**
 * Times as the clinic reads them: `dateTime` (`2026-11-27 14:05`), `time` (`14:05`) and `date`
 * (`2026-11-27`), all in the signed-in clinic's time zone (`me.clinic.timeZone`), whatever the browser's.
 */
import { useMemo } from 'react';
import { useMe } from '../app/auth.tsx';
import { formatDate, formatDateTime, formatTime } from './format.ts';

export interface ClinicTime {
  timeZone: string;
  dateTime: (iso: string | null | undefined, withSeconds?: boolean) => string;
  time: (iso: string | null | undefined) => string;
  date: (iso: string | null | undefined) => string;
}

function clinicTime(timeZone: string): ClinicTime {
  return {
    timeZone,
    dateTime: (iso, withSeconds = false) => formatDateTime(iso, timeZone, withSeconds),
    time: (iso) => formatTime(iso, timeZone),
    date: (iso) => formatDate(iso, timeZone),
  };
}

export function useClinicTime(): ClinicTime {
  const timeZone = useMe().clinic.timeZone;
  return useMemo(() => clinicTime(timeZone), [timeZone]);
}

/** The order weekly hours are stored and shown in: weekday, then start time. */
import type { WeeklyHours } from '@plasticity/contracts';

export const byWeekdayAndStart = (a: WeeklyHours, b: WeeklyHours): number =>
  a.weekday - b.weekday || a.start.localeCompare(b.start);

/**
 * The day and week calendar (react-big-calendar with its drag-and-drop addon): one column per chair or
 * clinician. Dates handed to it are the clinic's wall-clock times (`clinicClock.ts`), so it shows the clinic's
 * zone whatever the browser's. Every event is a focusable button (Tab reaches it; Enter or Space opens it,
 * like a click); moving one by keyboard is done in its details (date and time fields).
 */
import 'react-big-calendar/lib/css/react-big-calendar.css';
import 'react-big-calendar/lib/addons/dragAndDrop/styles.css';
import { Box, Text } from '@mantine/core';
import { DateTime } from 'luxon';
import { type KeyboardEvent, type RefObject, useLayoutEffect, useMemo, useRef } from 'react';
import { Calendar, type EventProps, luxonLocalizer, type SlotInfo } from 'react-big-calendar';
import dragAndDropAddon, { type EventInteractionArgs } from 'react-big-calendar/lib/addons/dragAndDrop';
import type { CalendarEvent, CalendarResource } from './calendarEvents.ts';
import classes from './schedule.module.css';

const localizer = luxonLocalizer(DateTime, { firstDayOfWeek: 1 });
/**
 * The drag-and-drop addon is CommonJS: the test runner's import gives its function, the production bundle's
 * interop the module object that holds it as `default`. Take the function either way.
 */
function holdsDefault(m: unknown): m is { default: typeof dragAndDropAddon } {
  return typeof m === 'object' && m !== null && 'default' in m && typeof m.default === 'function';
}
const withDragAndDrop = holdsDefault(dragAndDropAddon) ? dragAndDropAddon.default : dragAndDropAddon;
const DnDCalendar = withDragAndDrop<CalendarEvent, CalendarResource>(Calendar);

/** The product's formats (`2026-11-27 14:05`): 24-hour times, ISO dates. */
const FORMATS = {
  timeGutterFormat: 'HH:mm',
  eventTimeRangeFormat: ({ start, end }: { start: Date; end: Date }) =>
    `${DateTime.fromJSDate(start).toFormat('HH:mm')}–${DateTime.fromJSDate(end).toFormat('HH:mm')}`,
  dayFormat: 'EEE yyyy-MM-dd',
  dayHeaderFormat: 'EEEE yyyy-MM-dd',
  dayRangeHeaderFormat: ({ start, end }: { start: Date; end: Date }) =>
    `${DateTime.fromJSDate(start).toFormat('yyyy-MM-dd')} – ${DateTime.fromJSDate(end).toFormat('yyyy-MM-dd')}`,
  selectRangeFormat: ({ start, end }: { start: Date; end: Date }) =>
    `${DateTime.fromJSDate(start).toFormat('HH:mm')}–${DateTime.fromJSDate(end).toFormat('HH:mm')}`,
};

export interface MoveRequest {
  event: CalendarEvent;
  start: Date;
  end: Date;
  resourceId: string | null;
}

interface Props {
  view: 'day' | 'week';
  /** The wall-clock day shown (week view: the week holding it). */
  date: Date;
  events: CalendarEvent[];
  resources: CalendarResource[];
  onOpen: (event: CalendarEvent) => void;
  onMove: (move: MoveRequest) => void;
  onSelectSlot: (slot: { start: Date; resourceId: string | null }) => void;
  canEdit: boolean;
}

function EventContent({ event }: EventProps<CalendarEvent>) {
  const a = event.appointment;
  return (
    <Box className={classes.event} data-testid="calendar-event">
      <Text size="xs" fw={700} lh={1.2}>
        {a.patientName}
      </Text>
      <Text size="xs" lh={1.2}>
        {a.typeLabel} · {a.chairName ?? 'No chair'}
      </Text>
      {event.flags.map((f) => (
        <Text key={f.key} size="xs" lh={1.2} className={classes.flag}>
          {f.label}
        </Text>
      ))}
    </Box>
  );
}

const asDate = (d: Date | string): Date => (typeof d === 'string' ? new Date(d) : d);

/** A column's date, as plain text: the calendar's own header claims a table role without a table. */
function DayHeader({ label }: { label: string }) {
  return <span>{label}</span>;
}

/**
 * The calendar marks its (unused) all-day strip as a table row group without a table around it, which
 * screen readers misread and axe reports as critical; the strip is hidden and its roles removed.
 */
function useTidyRoles(ref: RefObject<HTMLDivElement | null>): void {
  useLayoutEffect(() => {
    for (const el of ref.current?.querySelectorAll('.rbc-allday-cell, .rbc-row-content') ?? []) {
      el.removeAttribute('role');
    }
  });
}

export function ScheduleCalendar(props: Props) {
  const { view, date, events, resources, onOpen, onMove, onSelectSlot, canEdit } = props;
  const components = useMemo(() => ({ event: EventContent, header: DayHeader }), []);
  const root = useRef<HTMLDivElement>(null);
  useTidyRoles(root);
  const move = ({ event, start, end, resourceId }: EventInteractionArgs<CalendarEvent>) =>
    onMove({
      event,
      start: asDate(start),
      end: asDate(end),
      resourceId: resourceId === undefined ? null : String(resourceId),
    });
  return (
    <div className={classes.calendar} ref={root}>
      <DnDCalendar
        localizer={localizer}
        formats={FORMATS}
        culture="en-US"
        view={view}
        views={['day', 'week']}
        onView={() => undefined}
        date={date}
        onNavigate={() => undefined}
        toolbar={false}
        drilldownView={null}
        events={events}
        resources={resources}
        resourceIdAccessor={(r) => r.id}
        resourceTitleAccessor={(r) => r.title}
        resourceAccessor={(e) => e.resourceId}
        titleAccessor={(e) => e.title}
        tooltipAccessor={(e) => e.title}
        startAccessor={(e) => e.start}
        endAccessor={(e) => e.end}
        step={15}
        timeslots={4}
        min={new Date(1970, 0, 1, 6, 0)}
        max={new Date(1970, 0, 1, 21, 0)}
        scrollToTime={new Date(1970, 0, 1, 7, 30)}
        components={components}
        eventPropGetter={(e) => ({
          className: [
            classes[`status_${e.appointment.status}`] ?? '',
            e.flags.some((f) => f.warn) ? classes.flagged : '',
          ].join(' '),
        })}
        onSelectEvent={(e) => onOpen(e)}
        onKeyPressEvent={(e, key) => {
          const k = (key as KeyboardEvent<HTMLElement>).key;
          if (k === 'Enter' || k === ' ') onOpen(e);
        }}
        selectable={canEdit}
        onSelectSlot={(slot: SlotInfo) =>
          onSelectSlot({
            start: slot.start,
            resourceId: slot.resourceId === undefined ? null : String(slot.resourceId),
          })
        }
        draggableAccessor={(e) => canEdit && e.appointment.status === 'booked'}
        resizableAccessor={(e) => canEdit && e.appointment.status === 'booked'}
        onEventDrop={move}
        onEventResize={move}
        dayLayoutAlgorithm="no-overlap"
      />
    </div>
  );
}

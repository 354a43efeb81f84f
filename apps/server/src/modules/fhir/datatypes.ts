/** Small FHIR R4 datatypes the mappers share (datatypes.html). */

/** A Period from a start and an optional end (an open period has no `end`). */
export function period(start: Date, end: Date | null): { start: string; end?: string } {
  return { start: start.toISOString(), ...(end ? { end: end.toISOString() } : {}) };
}

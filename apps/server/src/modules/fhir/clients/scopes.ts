/**
 * SMART system scopes for read access (SMART App Launch 2.x, scopes-and-launch-context.html): v2
 * `system/<Type>.rs` (read and search) and its v1 form `system/<Type>.read`, with `*` for every type. The
 * FHIR interface serves reads and searches only, so these are the scopes a client can be registered with and
 * granted; narrower v2 forms (`.r`, `.s`, `?` parameters) and write scopes are not offered.
 *
 * A token request gets the intersection of what it asks for and what the client may be granted: each requested
 * scope that an allowed scope covers, as asked; and where a requested wildcard covers allowed scopes, those.
 */
import { FHIR_READERS, type FhirResourceType } from '../access.ts';

interface SystemScope {
  /** A served resource type, or '*' for all of them. */
  type: FhirResourceType | '*';
  /** 'rs' (SMART v2) or 'read' (SMART v1): both grant read and search. */
  permission: 'rs' | 'read';
}

const SERVED = new Set<string>(Object.keys(FHIR_READERS));
const isServed = (t: string): t is FhirResourceType => SERVED.has(t);

/** The scope a string names, or why it is not one a client can hold. */
export function parseScope(text: string): SystemScope | { error: string } {
  const m = /^system\/([A-Za-z]+|\*)\.(rs|read)$/.exec(text);
  if (!m) return { error: 'must be system/<Type>.rs, system/<Type>.read, system/*.rs or system/*.read' };
  const [, type = '', permission] = m;
  if (type !== '*' && !isServed(type))
    return { error: `${type} is not served here (served: ${[...SERVED].join(', ')})` };
  return { type: type as SystemScope['type'], permission: permission as SystemScope['permission'] };
}

const parsed = (texts: readonly string[]) =>
  texts.flatMap((text) => {
    const s = parseScope(text);
    return 'error' in s ? [] : [{ text, scope: s }];
  });

const covers = (a: SystemScope, b: SystemScope) => a.type === '*' || a.type === b.type;

/** The scopes granted for a request (space-separated, RFC 6749 §3.3) from those a client may hold. */
export function grantScopes(requested: string, allowed: readonly string[]): string[] {
  const mayHold = parsed(allowed);
  const granted = new Set<string>();
  for (const r of parsed(requested.split(' ').filter(Boolean))) {
    if (mayHold.some((a) => covers(a.scope, r.scope))) granted.add(r.text);
    else for (const a of mayHold) if (covers(r.scope, a.scope)) granted.add(a.text);
  }
  return [...granted];
}

/** Whether granted scopes let their holder read and search a type. */
export function scopesAllowRead(granted: readonly string[], type: string): boolean {
  return parsed(granted).some((g) => g.scope.type === '*' || g.scope.type === type);
}

/** Every scope a client can be registered with, as the SMART configuration lists them. */
export function supportedScopes(): string[] {
  return ['*', ...SERVED].flatMap((t) => [`system/${t}.rs`, `system/${t}.read`]);
}

/**
 * Search results as a FHIR R4 searchset Bundle (R4 bundle.html, search.html#bundle): `total` counts every match,
 * `link` carries self and, where there are more, next and previous; matches have search.mode `match`, resources
 * added by `_include` mode `include`. Paging is by `_count` and `_offset` in the links (the links are opaque to
 * clients: FHIR R4 search.html#paging).
 */
import type { FhirResource, FhirSearchBundle } from '@plasticity/contracts';
import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import { ownOrigin } from '../../platform/auth-hook.ts';
import type { ParsedSearch } from './search-params.ts';

/** The server's FHIR base URL (`{origin}/fhir/R4`), from PLASTICITY_PUBLIC_URL or the request's host. */
export function fhirBase(req: FastifyRequest, config: Pick<Config, 'publicUrl'>): string {
  return `${ownOrigin(req, config) ?? ''}/fhir/R4`;
}

function pageUrl(
  base: string,
  type: string,
  query: Record<string, string | string[]>,
  count: number,
  offset: number,
) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (k === '_count' || k === '_offset') continue;
    for (const one of Array.isArray(v) ? v : [v]) qs.append(k, one);
  }
  qs.set('_count', String(count));
  qs.set('_offset', String(offset));
  return `${base}/${type}?${qs.toString()}`;
}

export function searchBundle(opts: {
  base: string;
  type: string;
  query: Record<string, string | string[]>;
  search: ParsedSearch;
  total: number;
  matches: FhirResource[];
  included: FhirResource[];
}): FhirSearchBundle {
  const { base, type, query, search, total } = opts;
  const { count, offset } = search;
  const link = [{ relation: 'self', url: pageUrl(base, type, query, count, offset) }];
  if (count > 0 && offset + count < total)
    link.push({ relation: 'next', url: pageUrl(base, type, query, count, offset + count) });
  if (count > 0 && offset > 0)
    link.push({ relation: 'previous', url: pageUrl(base, type, query, count, Math.max(0, offset - count)) });
  const entry = (resource: FhirResource, mode: 'match' | 'include') => ({
    fullUrl: `${base}/${resource.resourceType}/${resource.id}`,
    resource,
    search: { mode },
  });
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total,
    link,
    entry: [...opts.matches.map((r) => entry(r, 'match')), ...opts.included.map((r) => entry(r, 'include'))],
  };
}

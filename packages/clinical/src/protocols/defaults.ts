/**
 * `defaultProtocols()`: one active default protocol per route.
 *
 * Sources: see each protocol's `source` and docs/clinical-sources.md#default-protocols (Psychiatric Times;
 * Andrade 2017; ASKP3; NCT05468047; KAP practice; SPRAVATO US label and REMS 386).
 */
import { defaultIntranasalEsketamineProtocol } from './defaults-esketamine.ts';
import { defaultOralKetamineProtocol, defaultSublingualKetamineProtocol } from './defaults-kap.ts';
import { defaultImKetamineProtocol, defaultIvKetamineProtocol } from './defaults-ketamine.ts';
import type { Protocol, Route } from './types.ts';

/**
 * Fresh copies of the default protocols, one active per route, in route order iv, im, sublingual, oral,
 * intranasal. Callers may mutate the result freely.
 *
 * @example
 * const iv = defaultProtocols().find((p) => p.route === 'iv');
 * iv?.dose.kind; // 'weight_based'
 */
export function defaultProtocols(): Protocol[] {
  return [
    defaultIvKetamineProtocol(),
    defaultImKetamineProtocol(),
    defaultSublingualKetamineProtocol(),
    defaultOralKetamineProtocol(),
    defaultIntranasalEsketamineProtocol(),
  ];
}

/**
 * The default protocol for one route.
 *
 * @example
 * defaultProtocolFor('intranasal').drug; // 'esketamine'
 */
export function defaultProtocolFor(route: Route): Protocol {
  const found = defaultProtocols().find((p) => p.route === route);
  if (!found) throw new Error(`no default protocol for route ${route}`);
  return found;
}

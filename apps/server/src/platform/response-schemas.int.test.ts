/**
 * Every route that answers JSON declares a response schema (zod, from `packages/contracts`) for each
 * success status it answers with, so fastify-type-provider-zod serializes through it: nothing the schema
 * does not name leaves the server, a field the server returns in another shape fails the request instead of
 * reaching a screen, and the OpenAPI document describes every answer.
 *
 * Routes come from the same route table the policy test walks (`collectRoutes`). A route's success statuses
 * are the 2xx codes its handler sets (`reply.code(201)`, `reply.status(202)`), or 200 when it sets none. A
 * route that answers something other than JSON (a PDF, CSV, an event stream, the web app's files, 204 with no
 * body) is listed below with the reason; a listed route that no longer exists fails the test too.
 */
import { testBackends } from '@plasticity/db/testing/index';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../test/harness.ts';
import { collectRoutes, type RegisteredRoute } from './collect-routes.ts';

/** Routes that answer no JSON body, each with the reason. */
const NOT_JSON: Array<[method: string, url: string, reason: string]> = [
  ['GET', '/api/v1/patients/:id/consents/:signatureId/pdf', 'the signed consent as a PDF document'],
  [
    'GET',
    '/api/v1/patients/:id/part2-consents/:consentId/pdf',
    'the Part 2 disclosure consent as a PDF document',
  ],
  ['GET', '/api/v1/controlled/reports/inventory', 'the DEA inventory as a PDF or CSV file'],
  ['GET', '/api/v1/outcomes.csv', 'the outcomes dashboard as a CSV file'],
  ['GET', '/api/v1/controlled/reports/administrations', 'the administration log as a PDF or CSV file'],
  [
    'GET',
    '/api/v1/controlled/reports/patients/:id',
    "a patient's administration history as a PDF or CSV file",
  ],
  ['GET', '/api/v1/board/events', 'the live board as a server-sent event stream (text/event-stream)'],
  ['GET', '/api/v1/sessions/:id/rems-form.pdf', 'the REMS Patient Monitoring Form as a PDF document'],
  ['GET', '/api/v1/patients/:id/record.pdf', "the patient's record as a printable PDF document"],
  ['GET', '/api/v1/estimates/:id.pdf', 'the good-faith estimate as a PDF document'],
  ['GET', '/api/v1/patients/:id/superbill.pdf', 'the superbill for a date range as a PDF document'],
  ['GET', '/api/v1/payments/:id/receipt.pdf', "a payment's receipt as a PDF document"],
  ['GET', '/fhir/R4/$export', 'a Bulk Data kick-off: 202 with Content-Location and an empty body'],
  ['GET', '/fhir/R4/Patient/$export', 'a Bulk Data kick-off: 202 with Content-Location and an empty body'],
  ['GET', '/fhir/R4/Group/:id/$export', 'a Bulk Data kick-off: 202 with Content-Location and an empty body'],
  ['DELETE', '/fhir/R4/$export-poll/:jobId', 'a Bulk Data cancellation: 202 with an empty body'],
  [
    'GET',
    '/fhir/R4/$export-file/:jobId/:file',
    'a Bulk Data export file as NDJSON (application/fhir+ndjson)',
  ],
];
/** The web app: `GET /*` serves its built files, or `GET /` a placeholder page when it is not built. */
const WEB_APP = ['GET /', 'GET /*'];

const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

/** The success statuses a handler answers with: the 2xx codes it sets, or 200. */
function successStatuses(source: string): string[] {
  const set = new Set<string>();
  for (const m of source.matchAll(/\.(?:code|status)\(\s*(2\d\d)\s*\)/g)) set.add(m[1] as string);
  return set.size ? [...set].sort() : ['200'];
}

/** Whether the declared response keys cover a status (exactly, by class like '2xx', or 'default'). */
function covers(responses: string[], status: string): boolean {
  return responses.includes(status) || responses.includes(`${status[0]}xx`) || responses.includes('default');
}

describe('successStatuses', () => {
  it('reads the 2xx codes a handler sets, or 200', () => {
    expect(successStatuses('async (req, reply) => { reply.code(201); return x; }')).toEqual(['201']);
    expect(successStatuses('reply.status(202).send(x); reply.code(404)')).toEqual(['202']);
    expect(successStatuses('async (req) => load(req)')).toEqual(['200']);
    expect(covers(['201'], '201')).toBe(true);
    expect(covers(['200'], '201')).toBe(false);
    expect(covers(['2xx'], '201')).toBe(true);
  });
});

describe.each(testBackends())('response schemas on %s', (backend) => {
  const h = useTestApp(backend);
  const routes: RegisteredRoute[] = [];

  beforeAll(async () => {
    routes.push(...(await collectRoutes(h.built.ctx)));
  });

  it('lists only routes that exist as not answering JSON', () => {
    expect(routes.length).toBeGreaterThan(15);
    const known = new Set(routes.map(key));
    expect(NOT_JSON.map(([method, url]) => `${method} ${url}`).filter((k) => !known.has(k))).toEqual([]);
    expect(WEB_APP.some((k) => known.has(k))).toBe(true);
    for (const [, , why] of NOT_JSON) expect(why.length).toBeGreaterThan(10);
  });

  it('finds a response schema for every success status of every JSON route', () => {
    const exempt = new Set([...NOT_JSON.map(([method, url]) => `${method} ${url}`), ...WEB_APP]);
    const missing: string[] = [];
    for (const r of routes) {
      if (exempt.has(key(r))) continue;
      for (const status of successStatuses(r.handlerSource)) {
        if (status === '204') continue; // no body to describe
        if (!covers(r.responses, status)) missing.push(`${key(r)} ${status}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

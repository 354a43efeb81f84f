/**
 * What every response tells the browser, and what every request body must be, before any route runs.
 *
 * Headers (OWASP HTTP Security Response Headers Cheat Sheet), helmet's, set on app and API responses alike,
 * errors and 404s included — computed once at start-up (none depends on the request), not rebuilt per request
 * as @fastify/helmet does (its per-request rebuild of the CSP was 5 % of a vitals upload's CPU time):
 * - Content-Security-Policy: scripts only from this origin (the built app has no inline script;
 *   `script-src-attr 'none'` forbids inline handlers), no plugins, no framing (`frame-ancestors
 *   'none'`), forms and `<base>` pinned. Styles allow 'unsafe-inline' because Mantine injects its
 *   theme as `<style>` elements at run time; images allow `data:` (the favicon, the MFA QR code).
 * - X-Content-Type-Options: nosniff; Referrer-Policy: no-referrer (links carry one-time tokens);
 *   X-Frame-Options: DENY for browsers without CSP level 2.
 * - Permissions-Policy (W3C Permissions Policy): every powerful feature the app does not use is off.
 * - Strict-Transport-Security (RFC 6797) only on a request that arrived over HTTPS — directly, or
 *   behind a proxy trusted with TRUST_PROXY=1 that says so in X-Forwarded-Proto: a browser ignores
 *   it over plain HTTP, and sending it there would pin a name that may never have a certificate.
 *
 * Body charset: JSON is UTF-8 (RFC 8259 §8.1). A JSON body declared in another charset would be
 * decoded as UTF-8 anyway and stored garbled, so it is refused with 415 unsupported_media_type.
 */
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import { AppError } from './errors.ts';

/** Features the app never uses (Permissions Policy feature names); each is denied to every origin. */
export const DENIED_FEATURES = [
  'accelerometer',
  'ambient-light-sensor',
  'autoplay',
  'battery',
  'bluetooth',
  'camera',
  'display-capture',
  'encrypted-media',
  'geolocation',
  'gyroscope',
  'hid',
  'idle-detection',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'picture-in-picture',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
] as const;

const PERMISSIONS_POLICY = DENIED_FEATURES.map((f) => `${f}=()`).join(', ');

/** One year, subdomains included: the minimum the HSTS preload list asks for (hstspreload.org). */
export const HSTS_VALUE = 'max-age=31536000; includeSubDomains';

const HELMET: HelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      scriptSrcAttr: ["'none'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      frameSrc: ["'none'"],
      workerSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      manifestSrc: ["'self'"],
    },
  },
  // Sent below, only over HTTPS.
  strictTransportSecurity: false,
  xFrameOptions: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
  crossOriginOpenerPolicy: { policy: 'same-origin' },
  crossOriginResourcePolicy: { policy: 'same-origin' },
};

/** The headers helmet sets for `HELMET`, read once from a response it is applied to. */
function helmetHeaders(): Array<[string, string]> {
  const res = new ServerResponse(new IncomingMessage(new Socket()));
  helmet(HELMET)(res.req, res, (err?: unknown) => {
    if (err) throw err;
  });
  return Object.entries(res.getHeaders()).map(([k, v]) => [k, String(v)]);
}

export async function installBrowserEdge(app: FastifyInstance) {
  const headers: Array<[string, string]> = [...helmetHeaders(), ['permissions-policy', PERMISSIONS_POLICY]];

  // A callback hook (no promise per request): it runs for every request the server answers.
  app.addHook('onRequest', (req, reply, done) => {
    for (const [k, v] of headers) reply.raw.setHeader(k, v);
    // req.protocol is the socket's, or X-Forwarded-Proto's when TRUST_PROXY is set.
    if (req.protocol === 'https') reply.header('strict-transport-security', HSTS_VALUE);
    const charset = jsonCharset(req.headers['content-type']);
    if (charset !== null && charset !== 'utf-8' && charset !== 'utf8') {
      done(new AppError('unsupported_media_type', 'send JSON in UTF-8 (content-type: application/json)'));
      return;
    }
    done();
  });
}

/**
 * The declared charset of a JSON content type, lower-cased and unquoted; null when the type is not
 * JSON or names no charset.
 */
export function jsonCharset(contentType: string | undefined): string | null {
  if (!contentType) return null;
  const [type, ...params] = contentType.split(';');
  if (!/^application\/([\w.+-]+\+)?json$/i.test((type ?? '').trim())) return null;
  for (const p of params) {
    const eq = p.indexOf('=');
    if (eq < 0 || p.slice(0, eq).trim().toLowerCase() !== 'charset') continue;
    return p
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .toLowerCase();
  }
  return null;
}

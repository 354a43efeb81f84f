// A small in-memory stand-in for the Plasticity API, for looking at the built web app without
// the real server (screenshots, accessibility checks). Not used by the test suite.
//   node apps/web/scripts/mock-api.mjs [port]   then open http://localhost:<port>/
// Sign in as admin@demo.test, nurse@demo.test, frontdesk@demo.test or patient@demo.test (any password);
// mfa@demo.test asks for a code (123456).
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const clinic = {
  id: randomUUID(),
  name: 'Riverside Ketamine Clinic',
  timeZone: 'America/Chicago',
  demo: true,
};
const patientId = randomUUID();
const now = () => new Date().toISOString();

const patients = [
  ['Ada', 'Lovelace', '1985-12-10', 'female', '555-0101'],
  ['Grace', 'Hopper', '1966-12-09', 'female', '555-0102'],
  ['Alan', 'Turing', '1992-06-23', 'male', null],
  ['Sam', 'Rivera', '2001-02-14', 'other', '555-0104'],
].map(([firstName, lastName, dateOfBirth, sex, phone], i) => ({
  id: i === 0 ? patientId : randomUUID(),
  mrn: `MRN-${1001 + i}`,
  firstName,
  lastName,
  dateOfBirth,
  sex,
  phone,
  email: i === 0 ? 'ada@example.test' : null,
  address: i === 0 ? { line1: '12 Elm St', city: 'Springfield', state: 'IL', postalCode: '62701' } : null,
  emergencyContact: i === 0 ? { name: 'Byron L', phone: '555-0199', relationship: 'Father' } : null,
  createdAt: now(),
  updatedAt: now(),
}));

const roles = {
  admin: 'admin',
  nurse: 'nurse',
  frontdesk: 'front_desk',
  patient: 'patient',
  mfa: 'prescriber',
};
const users = Object.entries(roles).map(([key, role]) => ({
  id: randomUUID(),
  email: `${key}@demo.test`,
  displayName: {
    admin: 'Alex Admin',
    nurse: 'Nora Nurse',
    frontdesk: 'Frank Desk',
    patient: 'Ada Lovelace',
    mfa: 'Priya Prescriber',
  }[key],
  role,
  active: true,
  mfaEnabled: key === 'mfa',
  patientId: role === 'patient' ? patientId : null,
  lastLoginAt: now(),
  invitePending: false,
}));

const audit = Array.from({ length: 137 }, (_, i) => ({
  id: randomUUID(),
  seq: i + 1,
  at: new Date(Date.now() - i * 3_600_000).toISOString(),
  userId: users[i % users.length].id,
  userEmail: users[i % users.length].email,
  role: users[i % users.length].role,
  patientId: i % 3 === 0 ? patientId : null,
  action: ['read', 'update', 'create', 'login', 'query'][i % 5],
  resourceType: i % 5 === 3 ? 'Session' : 'Patient',
  resourceId: randomUUID(),
  category: null,
  outcome: i % 11 === 0 ? 'failure' : 'success',
  sourceAddress: '127.0.0.1',
}));

let session = null; // { user }
const me = (u) => ({
  id: u.id,
  email: u.email,
  displayName: u.displayName,
  role: u.role,
  clinic,
  patientId: u.patientId,
  mfaEnabled: u.mfaEnabled,
  mfaRequired: u.role !== 'patient',
  idleTimeoutSec: 900,
});
const err = (status, code, message, details) => [
  status,
  { error: { code, message, ...(details ? { details } : {}) } },
];

async function api(method, path, query, body) {
  if (path === '/healthz') return [200, { status: 'ok', demo: true }];
  if (method === 'POST' && path === '/api/v1/auth/login') {
    const user = users.find((u) => u.email === body.email);
    if (!user) return err(401, 'invalid_credentials', 'bad');
    if (user.mfaEnabled && !body.totp) return err(401, 'mfa_required', 'code');
    if (user.mfaEnabled && body.totp !== '123456') return err(401, 'mfa_invalid', 'bad code');
    session = { user };
    return [200, { user: me(user), csrfToken: 'csrf-demo' }];
  }
  if (path === '/api/v1/auth/accept-invite') return [200, { ok: true }];
  if (!session) return err(401, 'unauthenticated', 'sign in');
  if (path === '/api/v1/auth/logout') {
    session = null;
    return [200, { ok: true }];
  }
  if (path === '/api/v1/me') return [200, { user: me(session.user), csrfToken: 'csrf-demo' }];
  if (path === '/api/v1/me/mfa/enrol') {
    const qr = `data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="180" height="180"><rect width="180" height="180" fill="#fff"/><rect x="20" y="20" width="140" height="140" fill="#000"/></svg>').toString('base64')}`;
    return [200, { secret: 'JBSWY3DPEHPK3PXP', otpauthUrl: 'otpauth://totp/x', qrDataUrl: qr }];
  }
  if (path === '/api/v1/me/mfa/confirm')
    return [200, { recoveryCodes: ['abcd-efgh', 'ijkl-mnop', 'qrst-uvwx', 'yz12-3456'] }];
  if (path === '/api/v1/patients' && method === 'GET') {
    const q = (query.get('query') ?? '').toLowerCase();
    return [
      200,
      { items: patients.filter((p) => `${p.firstName} ${p.lastName} ${p.mrn}`.toLowerCase().includes(q)) },
    ];
  }
  if (path === '/api/v1/patients' && method === 'POST') {
    if (body.lastName === 'Invalid')
      return err(400, 'validation_failed', 'invalid', [
        { field: 'body.dateOfBirth', message: 'is before 1900' },
      ]);
    const p = {
      id: randomUUID(),
      mrn: body.mrn ?? `MRN-${2000 + patients.length}`,
      phone: null,
      email: null,
      address: null,
      emergencyContact: null,
      ...body,
      createdAt: now(),
      updatedAt: now(),
    };
    patients.push(p);
    return [201, p];
  }
  const pm = /^\/api\/v1\/patients\/([^/]+)(\/portal-invite)?$/.exec(path);
  if (pm) {
    const p = patients.find((x) => x.id === pm[1]);
    if (!p) return err(404, 'not_found', 'no');
    if (pm[2])
      return [
        200,
        {
          user: users[3],
          link: 'http://localhost/accept/abcdefghijklmnopqrstuvwxyz',
          expiresAt: new Date(Date.now() + 864e5).toISOString(),
        },
      ];
    if (method === 'PATCH') Object.assign(p, body, { updatedAt: now() });
    return [200, p];
  }
  if (path === '/api/v1/users') return [200, { items: users }];
  if (path === '/api/v1/users/invite')
    return [
      200,
      {
        user: { ...users[1], id: randomUUID(), ...body, invitePending: true },
        link: 'http://localhost/accept/abcdefghijklmnopqrstuvwxyz',
        expiresAt: new Date(Date.now() + 864e5).toISOString(),
      },
    ];
  if (/^\/api\/v1\/users\/[^/]+\/reset-password$/.test(path))
    return [
      200,
      {
        link: 'http://localhost/accept/zyxwvutsrqponmlkjihgfedcba',
        expiresAt: new Date(Date.now() + 864e5).toISOString(),
      },
    ];
  if (/^\/api\/v1\/users\/[^/]+\/\w[\w-]*$/.test(path)) return [200, { ok: true }];
  if (path === '/api/v1/clinic/settings')
    return [
      200,
      {
        name: clinic.name,
        timeZone: clinic.timeZone,
        mfaRequiredRoles: ['admin', 'prescriber'],
        idleTimeoutMin: 15,
        absoluteLifetimeHours: 12,
      },
    ];
  if (path === '/api/v1/audit') {
    const sort = query.get('sort') ?? 'at';
    const dir = query.get('order') === 'asc' ? 1 : -1;
    const rows = [...audit].sort((a, b) => String(a[sort] ?? '').localeCompare(String(b[sort] ?? '')) * dir);
    if (query.get('format') === 'csv') return [200, 'id,at\n', 'text/csv'];
    const offset = Number(query.get('offset') ?? 0);
    const limit = Number(query.get('limit') ?? 50);
    return [200, { items: rows.slice(offset, offset + limit), total: rows.length }];
  }
  return err(404, 'not_found', `no route ${method} ${path}`);
}

const types = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html', '.svg': 'image/svg+xml' };

export function startMockServer(port = 0) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/api/') || url.pathname === '/healthz') {
      let raw = '';
      for await (const chunk of req) raw += chunk;
      const [status, payload, type] = await api(
        req.method ?? 'GET',
        url.pathname,
        url.searchParams,
        raw ? JSON.parse(raw) : {},
      );
      res.writeHead(status, { 'content-type': type ?? 'application/json' });
      res.end(typeof payload === 'string' ? payload : JSON.stringify(payload));
      return;
    }
    const file = normalize(join(dist, url.pathname));
    const target = file.startsWith(dist) && extname(file) ? file : join(dist, 'index.html');
    try {
      const data = await readFile(target);
      res.writeHead(200, { 'content-type': types[extname(target)] ?? 'application/octet-stream' });
      res.end(data);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await startMockServer(Number(process.argv[2] ?? 4173));
  console.log(`mock API + web app on http://127.0.0.1:${server.address().port}/`);
}

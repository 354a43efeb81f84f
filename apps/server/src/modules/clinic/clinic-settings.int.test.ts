/**
 * Clinic settings carry what documents print: address, phone, DEA registration number, NPI
 * and TIN, each checked field by field — the DEA check digit (21 CFR 1301; DEA Diversion Control), the
 * NPI Luhn check over 80840 (45 CFR 162.406), the TIN as XX-XXXXXXX, a US phone — a bad value is a 400
 * naming the field and changes nothing; good values are stored normalised and printed on the reports.
 */
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness.ts';
import { clinicInfo, registrantLine } from '../controlled/stock-and-ledger.ts';

const ADDRESS = {
  line1: '811 Spring Forest Road',
  line2: 'Suite 1400',
  city: 'Raleigh',
  state: 'NC',
  postalCode: '27609',
};

describe.each(testBackends())('clinic settings on %s', (backend) => {
  const h = useTestApp(backend);

  it('stores address, phone, DEA number, NPI and TIN normalised and returns them', async () => {
    const c = await h.newClinic();
    const admin = await c.login('admin');
    const empty = await admin.get('/api/v1/clinic/settings');
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({
      address: { line1: '', line2: '', city: '', state: '', postalCode: '' },
      phone: null,
      deaNumber: null,
      npi: null,
      tin: null,
      clinicDeviceConsent: false,
    });
    const r = await admin.patch('/api/v1/clinic/settings', {
      address: { ...ADDRESS, state: 'nc' },
      phone: '(919) 555-0142',
      deaNumber: 'ff1234563',
      npi: '1555012347',
      tin: '565550142',
      clinicDeviceConsent: true,
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      address: ADDRESS,
      phone: '919-555-0142',
      deaNumber: 'FF1234563',
      npi: '1555012347',
      tin: '56-5550142',
      clinicDeviceConsent: true,
    });
    expect((await admin.get('/api/v1/me')).body.user.clinic.clinicDeviceConsent).toBe(true);
    // An empty value clears the identifier.
    const cleared = await admin.patch('/api/v1/clinic/settings', { tin: '' });
    expect(cleared.body.tin).toBeNull();
    expect(cleared.body.npi).toBe('1555012347');
  });

  it.each([
    ['deaNumber', 'FF1234564'], // wrong check digit
    ['deaNumber', 'F1234563'],
    ['npi', '1555012348'], // wrong check digit
    ['npi', '355501234'],
    ['tin', '56-555014'],
    ['phone', '119-555-0142'],
    ['address', { ...ADDRESS, postalCode: '2760' }],
    ['address', { ...ADDRESS, state: 'North Carolina' }],
  ])('refuses a bad %s (%j) with 400 naming the field, changing nothing', async (field, value) => {
    const c = await h.newClinic();
    const admin = await c.login('admin');
    await admin.patch('/api/v1/clinic/settings', { deaNumber: 'FF1234563', npi: '1555012347' });
    const before = (await admin.get('/api/v1/clinic/settings')).body;
    const r = await admin.patch('/api/v1/clinic/settings', { name: 'Renamed', [field]: value });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('validation_failed');
    const fields = r.body.error.details.map((d: { field: string }) => d.field);
    expect(fields.some((f: string) => f === `body.${field}` || f.startsWith(`body.${field}.`))).toBe(true);
    expect((await admin.get('/api/v1/clinic/settings')).body).toEqual(before);
  });

  it('only an admin reads or changes them', async () => {
    const c = await h.newClinic();
    for (const role of ['prescriber', 'nurse', 'front_desk'] as const) {
      const u = await c.login(role);
      expect((await u.patch('/api/v1/clinic/settings', { phone: '919-555-0142' })).status).toBe(403);
    }
  });

  it('controlled-substance reports and DEA-106 read the registrant from the settings', async () => {
    const c = await h.newClinic();
    const admin = await c.login('admin');
    await admin.patch('/api/v1/clinic/settings', {
      address: ADDRESS,
      phone: '919-555-0142',
      deaNumber: 'FF1234563',
    });
    const info = await clinicInfo(h.database.db, c.clinicId);
    expect(info).toMatchObject({ deaNumber: 'FF1234563', phone: '919-555-0142' });
    expect(registrantLine(info)).toBe(
      `Registrant: ${info.name} - DEA FF1234563 - 811 Spring Forest Road, Suite 1400, Raleigh, NC 27609 - phone 919-555-0142`,
    );
  });
});

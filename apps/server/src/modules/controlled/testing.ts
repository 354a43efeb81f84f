/** Integration-test fixtures for the register: reference data and a received container per test clinic. */
import type { Client, TestClinic } from '../../test/harness.ts';
import { TEST_PASSWORD } from '../../test/harness.ts';

export interface Stock {
  admin: Client;
  nurse: Client;
  prescriber: Client;
  locationId: string;
  safeId: string;
  supplierId: string;
  productId: string;
  /** Adds a container holding `quantity` mL (ketamine 50 mg/mL). */
  container(quantity: string | number, over?: { expiresOn?: string; lot?: string }): Promise<string>;
}

export const FUTURE = `${new Date().getUTCFullYear() + 2}-06-30`;

export async function setUpStock(c: TestClinic): Promise<Stock> {
  const admin = await c.login('admin');
  const nurse = await c.login('nurse');
  const prescriber = await c.login('prescriber');
  const shelf = await admin.post('/api/v1/controlled/locations', { name: 'Med room shelf', kind: 'shelf' });
  const safe = await admin.post('/api/v1/controlled/locations', { name: 'Safe', kind: 'safe' });
  const supplier = await admin.post('/api/v1/controlled/suppliers', {
    name: 'Acme Wholesale',
    address: '1 Main St, Denver CO',
    deaNumber: 'AB1234563',
  });
  const product = await admin.post('/api/v1/controlled/products', {
    drug: 'Ketamine HCl',
    ndc: '0409-2051-05',
    form: 'injectable solution',
    strength: '50 mg/mL',
    concentrationMgPerMl: 50,
    containerSize: 10,
    containerLabel: '10 mL vial',
    unit: 'mL',
  });
  for (const r of [shelf, safe, supplier, product])
    if (r.status !== 201) throw new Error(`setup failed: ${r.status} ${r.text}`);
  const s: Stock = {
    admin,
    nurse,
    prescriber,
    locationId: shelf.body.id,
    safeId: safe.body.id,
    supplierId: supplier.body.id,
    productId: product.body.id,
    async container(quantity, over = {}) {
      const r = await nurse.post('/api/v1/controlled/containers', {
        productId: s.productId,
        lot: over.lot ?? 'L2401',
        expiresOn: over.expiresOn ?? FUTURE,
        locationId: s.locationId,
        receipt: { quantity, supplierId: s.supplierId, invoice: 'INV-1' },
      });
      if (r.status !== 201) throw new Error(`container failed: ${r.status} ${r.text}`);
      return r.body.id as string;
    },
  };
  return s;
}

export const witnessOf = (
  c: TestClinic,
  role: 'nurse' | 'prescriber' = 'prescriber',
  password = TEST_PASSWORD,
) => ({ email: c.users[role].email, password });

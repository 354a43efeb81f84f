import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../../seed/demo.ts';
import { Client, useTestApp } from '../../test/harness.ts';
import { controlledModule } from './index.ts';

// The demo clinic has fixed logins, so seed it only on the embedded database (a fresh one per file);
// on the shared PostgreSQL schema another file's demo seed would collide on the emails.
describe.each(testBackends().filter((b) => b === 'pglite'))('controlled demo stock on %s', (backend) => {
  const h = useTestApp(backend);

  it('seeds opened vials on the shelf, sealed stock in the safe, an esketamine box and a consistent ledger', async () => {
    await seedDemo(h.built.ctx, [controlledModule]);
    const nurse = new Client(h.app);
    expect((await nurse.login('nurse@freshstart.example', DEMO_PASSWORD)).status).toBe(200);
    const stock = (await nurse.get('/api/v1/controlled/stock')).body.items as {
      product: string;
      location: string;
      status: string;
      balance: string;
      unit: string;
    }[];
    const ketamineOpenOnShelf = stock.filter(
      (s) =>
        s.product.startsWith('Ketamine') && s.location === 'Medication room shelf' && s.status === 'open',
    );
    expect(ketamineOpenOnShelf.map((s) => s.balance).sort()).toEqual(['6.4', '8.8']);
    expect(
      stock.filter((s) => s.location === 'Safe' && s.status === 'sealed' && s.product.startsWith('Ketamine'))
        .length,
    ).toBeGreaterThanOrEqual(3);
    expect(
      stock
        .filter((s) => s.product.startsWith('Esketamine'))
        .map((s) => `${s.status}:${s.balance}${s.unit}`)
        .sort(),
    ).toEqual(['open:28mg', 'sealed:84mg']);
    expect(stock.filter((s) => s.status === 'empty')).toHaveLength(1);
    expect((await nurse.get('/api/v1/controlled/expiring')).body.items).toHaveLength(1);
    const ledger = (await nurse.get('/api/v1/controlled/ledger')).body.items as { balance: string }[];
    expect(ledger.every((e) => !e.balance.startsWith('-'))).toBe(true);
  });
});

/**
 * MLLP benchmark (bedside monitors). On a PostgreSQL server (BENCH_DATABASE_URL, else TEST_DATABASE_URL, else
 * postgres://postgres@127.0.0.1:5432/postgres) it creates a fresh database, starts a real Plasticity server
 * process with the MLLP listener on (demo clinic seeded) and the floor (mllp-floor.ts), then from 10 MLLP
 * connections — 10 monitors, each on its own chair with a checked-in session — sends IHE PCD-01 ORU^R01
 * messages (built with the HL7 library: SpO2, pulse rate, NIBP, respiratory rate) in a closed loop for
 * BENCH_SECONDS (default 10) after a 2 s warm-up, waiting for each ACK before the next message. Figures:
 * messages acknowledged per second and ACK latency, app against the floor.
 *
 * Targets (bench/README.md): app throughput at least 0.5 of the floor's; ACK p99 under 20 ms; every ACK AA.
 * It stops by itself, kills what it started and drops its database. Exit 1 when a target is missed.
 * Run alone: `node --import tsx bench/mllp.bench.ts`.
 */
import { join } from 'node:path';
import {
  buildOru,
  MonitorConnection,
  NIBP,
  PULSE,
  RESP,
  SPO2,
} from '../apps/server/src/modules/devices/test/monitor.ts';
import {
  Http,
  jsonPort,
  ROOT,
  runAlone,
  type Stats,
  spawnUntil,
  stats,
  withBenchDatabase,
} from './vitals-support.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 10;

interface MllpBenchResult {
  app: Stats;
  floor: Stats;
  throughputRatio: number;
}

/** Closed loop on `CONNECTIONS` monitor connections; latency from sending a message to its ACK. */
async function closedLoop(port: number, device: (c: number) => string, tag: string): Promise<Stats> {
  const monitors = await Promise.all(Array.from({ length: CONNECTIONS }, () => MonitorConnection.open(port)));
  const warmEnd = Date.now() + 2000;
  const end = warmEnd + SECONDS * 1000;
  const lat: number[] = [];
  let errors = 0;
  await Promise.all(
    monitors.map(async (m, c) => {
      for (let i = 0; Date.now() < end; i++) {
        const text = buildOru({
          controlId: `${tag}${c}-${i}`,
          deviceId: device(c),
          at: new Date(),
          observations: [SPO2(97), PULSE(72), ...NIBP(122, 78, 93), RESP(14)],
        });
        const t0 = performance.now();
        const ack = await m.send(text);
        const ms = performance.now() - t0;
        if (Date.now() < warmEnd) continue;
        if (ack.code !== 'AA') errors++;
        else lat.push(ms);
      }
    }),
  );
  for (const m of monitors) m.close();
  return stats(lat, SECONDS, errors);
}

export function run(): Promise<MllpBenchResult> {
  return withBenchDatabase('plasticity_bench_mllp', async (dbUrl, children) => {
    let mllpPort = 0;
    const app = await spawnUntil(
      [join(ROOT, 'apps/server/bin/plasticity.mjs'), 'serve'],
      {
        DATABASE_URL: dbUrl,
        PORT: '0',
        HOST: '127.0.0.1',
        PLASTICITY_DEMO: '1',
        LOG_LEVEL: 'info',
        PLASTICITY_MLLP_PORT: '0',
      },
      (line) => {
        const seen = (() => {
          try {
            return JSON.parse(line) as { mllpPort?: number };
          } catch {
            return {};
          }
        })();
        if (typeof seen.mllpPort === 'number') mllpPort = seen.mllpPort;
        return line.includes('Plasticity is ready') ? jsonPort('msg')(line) : null;
      },
    );
    children.push(app.child);
    if (!mllpPort) throw new Error('the server did not report its MLLP port');
    const base = `http://127.0.0.1:${app.port}`;
    // Set-up through the API: a chair with a monitor per connection, a checked-in session in each.
    const adminHttp = new Http(base);
    await adminHttp.login('admin@freshstart.example');
    const nurse = new Http(base);
    await nurse.login('nurse@freshstart.example');
    const device = (c: number) => `BENCH${String(c).padStart(11, '0')}`;
    let firstSession = '';
    for (let c = 0; c < CONNECTIONS; c++) {
      const chair = await adminHttp.request('POST', '/api/v1/chairs', {
        name: `Monitor chair ${c}`,
        kind: 'infusion_chair',
        deviceId: device(c),
      });
      if (chair.status !== 201) throw new Error(`chair: ${chair.status} ${JSON.stringify(chair.body)}`);
      const p = await nurse.request('POST', '/api/v1/patients', {
        firstName: 'Bench',
        lastName: `Monitor${c}`,
        dateOfBirth: '1980-01-01',
        sex: 'other',
      });
      const s = await nurse.request('POST', '/api/v1/sessions', {
        patientId: p.body.id,
        protocolId: 'default-iv-ketamine-trd',
        scheduledAt: new Date().toISOString(),
        chair: `Monitor chair ${c}`,
      });
      if (s.status !== 201) throw new Error(`session: ${s.status} ${JSON.stringify(s.body)}`);
      const t = await nurse.request('POST', `/api/v1/sessions/${s.body.id}/transition`, { to: 'checked_in' });
      if (t.status !== 200) throw new Error(`check-in: ${t.status} ${JSON.stringify(t.body)}`);
      firstSession ||= s.body.id;
    }
    const floor = await spawnUntil(
      ['--import', 'tsx', join(ROOT, 'bench/mllp-floor.ts'), dbUrl, firstSession],
      {},
      jsonPort('floorReady'),
    );
    children.push(floor.child);
    const appStats = await closedLoop(mllpPort, device, 'A');
    const floorStats = await closedLoop(floor.port, device, 'F');
    const result = {
      app: appStats,
      floor: floorStats,
      throughputRatio: appStats.perSecond / floorStats.perSecond,
    };
    print(result);
    return result;
  });
}

function print(r: MllpBenchResult) {
  const row = (name: string, app: number, floor: number, unit: string) =>
    console.log(
      `  ${name.padEnd(30)} app ${String(app).padStart(8)} ${unit.padEnd(5)} floor ${String(floor).padStart(8)} ${unit.padEnd(5)} ratio ${(app / floor).toFixed(2)}`,
    );
  console.log(`\nMLLP benchmark (PostgreSQL, loopback, ${CONNECTIONS} connections, ${SECONDS} s)`);
  row('ORU^R01 acknowledged per s', r.app.perSecond, r.floor.perSecond, '/s');
  row('ACK p50 latency', r.app.p50, r.floor.p50, 'ms');
  row('ACK p99 latency', r.app.p99, r.floor.p99, 'ms');
  console.log(`  not AA: app ${r.app.errors} / floor ${r.floor.errors}`);
  for (const [name, ok] of verdicts(r)) console.log(`  ${ok ? '✔' : '✘'} ${name}`);
}

function verdicts(r: MllpBenchResult): Array<[string, boolean]> {
  return [
    ['throughput at least 0.5 of the floor', r.throughputRatio >= 0.5],
    ['ACK p99 under 20 ms', r.app.p99 < 20],
    ['every message acknowledged AA', r.app.errors === 0 && r.app.count > 0],
  ];
}

runAlone(import.meta.url, run, verdicts);

/**
 * Starting and stopping the server process on its open database (the embedded one locked to this process),
 * listen at once (/healthz answers 503 until ready), migrate, seed the demo
 * clinic on an empty database in demo mode, then serve (on the embedded database, also answer online-backup
 * requests on the data directory's control socket). SIGINT/SIGTERM stop accepting requests,
 * seal the audit log, close the database and release the lock, within 5 seconds.
 */
import { type Database, MIGRATIONS_DIR, migrate } from '@plasticity/db';
import { buildApp, MODULES } from './app.ts';
import type { Config } from './config.ts';
import { startMllpListener } from './modules/devices/mllp/listener.ts';
import { startControlSocket } from './platform/control-socket.ts';
import { demoBanner, isEmpty, seedDemo } from './seed/demo.ts';

/** `database`: the configured database, open (`openConfiguredDatabase`; `serve` opens it while this loads). */
export async function startServer(config: Config, database: Database) {
  // What start-up is doing, for whoever runs `npm start`: plain lines in demo mode (a person at a terminal,
  // above the demo banner); a server's structured log has its own lines ('migrations applied', ready).
  const say = (msg: string) => {
    if (config.demo) console.log(msg);
  };
  let ready = false;
  const built = await buildApp({ database, config, ready: () => ready, logger: true });
  const { app } = built;
  app.addHook('onRequest', async (req, reply) => {
    if (!ready && req.url.startsWith('/api/')) {
      return reply
        .status(503)
        .send({ error: { code: 'unavailable', message: 'starting up; try again in a moment' } });
    }
  });

  let stopControl: (() => Promise<void>) | undefined;
  let stopMllp: (() => Promise<void>) | undefined;
  let stopping: Promise<void> | undefined;
  const stop = (signal: string) => {
    if (stopping !== undefined) return stopping;
    app.log.info(`${signal}: shutting down`);
    const force = setTimeout(() => {
      console.error('shutdown took longer than 4.5 s; exiting');
      process.exit(1);
    }, 4500);
    force.unref();
    stopping = (async () => {
      await app
        .close()
        .catch((e) => app.log.error({ errName: (e as Error).name }, 'closing the server failed'));
      await stopControl?.();
      await stopMllp?.();
      await built
        .stop()
        .catch((e) => app.log.error({ errName: (e as Error).name }, 'stopping background work failed'));
      await database.close();
      clearTimeout(force);
    })();
    return stopping;
  };
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      void stop(sig).then(() => process.exit(0));
    });
  }

  try {
    await app.listen({ port: config.port, host: config.host });
    const { applied } = await migrate(database.db, MIGRATIONS_DIR, ({ name, done, total }) =>
      say(`Migrating the database: ${done}/${total} ${name}`),
    );
    if (applied.length) app.log.info({ applied }, 'migrations applied');
    let seeded = false;
    if (config.demo && (await isEmpty(database.db))) {
      say('Seeding the demo clinic…');
      await seedDemo(built.ctx, MODULES, (what) => say(`Seeding the demo clinic: ${what}`));
      seeded = true;
    }
    built.start();
    // Bedside monitors (HL7 v2 over MLLP), only when configured; a port in use stops start-up.
    if (config.mllp) {
      const mllp = await startMllpListener(built.ctx, config.mllp);
      stopMllp = () => mllp.close();
      app.log.info({ mllpPort: mllp.port }, 'MLLP listener for bedside monitors is listening');
    }
    // The embedded database is locked to this process: `plasticity backup` asks it for a snapshot here.
    if (database.kind === 'pglite') stopControl = await startControlSocket(config.dataDir, database, app.log);
    ready = true;
    const port = (app.server.address() as { port: number } | null)?.port ?? config.port;
    if (config.demo) console.log(demoBanner(port));
    app.log.info({ port, database: database.kind, seeded }, 'Plasticity is ready');
    say(`Ready: open http://localhost:${port} in a browser.`);
    return { app, stop, port };
  } catch (e) {
    await stop('startup failure');
    throw e;
  }
}

/**
 * The composition root: builds the Fastify app, installs the cross-cutting pieces (error mapping,
 * session gate, OpenAPI) once, and mounts each domain module from the list below. Adding a
 * capability means adding a module folder and one line to MODULES.
 */
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import type { Database } from '@plasticity/db';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import { billingModule } from './modules/access/billing/index.ts';
import { estimatesModule } from './modules/access/estimates/index.ts';
import { slidingScaleModule } from './modules/access/sliding-scale/index.ts';
import { alertsModule } from './modules/alerts/index.ts';
import { AuditWriter } from './modules/audit/audit-writer.ts';
import { auditModule } from './modules/audit/index.ts';
import { authModule } from './modules/auth/index.ts';
import { SessionStore } from './modules/auth/session-store.ts';
import { clinicModule } from './modules/clinic/index.ts';
import { controlledModule } from './modules/controlled/index.ts';
import { educationModule } from './modules/education/index.ts';
import { fhirBearerTokens } from './modules/fhir/clients/bearer-tokens.ts';
import { fhirModule } from './modules/fhir/index.ts';
import { healthModule } from './modules/health/index.ts';
import { integrationModule } from './modules/integration/index.ts';
import { journalModule } from './modules/journal/index.ts';
import { measurementModule } from './modules/measurement/index.ts';
import { medicationsModule } from './modules/medications/index.ts';
import { notesModule } from './modules/notes/index.ts';
import { outcomesModule } from './modules/outcomes/index.ts';
import { patientsModule } from './modules/patients/index.ts';
import { plansModule } from './modules/plans/index.ts';
import { schedulingModule } from './modules/scheduling/index.ts';
import { sessionsModule } from './modules/sessions/index.ts';
import { usersModule } from './modules/users/index.ts';
import { webModule } from './modules/web/index.ts';
import { installAuthGate } from './platform/auth-hook.ts';
import { installBrowserEdge } from './platform/browser-edge.ts';
import { type Clock, systemClock } from './platform/clock.ts';
import { watchConnections } from './platform/connection-log.ts';
import { installErrorHandler } from './platform/error-handler.ts';
import { Jobs } from './platform/jobs.ts';
import { advisoryLeadership, soleProcess } from './platform/leadership.ts';
import { outboxMailer } from './platform/mailer.ts';
import type { ModuleContext, ServerModule } from './platform/module.ts';
import { RequestLog } from './platform/request-log.ts';
import { compressSharedResponses, serializeSharedOnce } from './platform/shared-response.ts';

/** Order matters only for demo seeding (a module's seed may use data of those before it). */
export const MODULES: readonly ServerModule[] = [
  healthModule,
  authModule,
  usersModule,
  clinicModule,
  patientsModule,
  auditModule,
  measurementModule,
  alertsModule,
  medicationsModule,
  plansModule,
  controlledModule,
  sessionsModule,
  schedulingModule,
  notesModule,
  educationModule,
  integrationModule,
  journalModule,
  estimatesModule,
  slidingScaleModule,
  billingModule,
  outcomesModule,
  fhirModule,
];

export interface BuildOptions {
  database: Database;
  config: Config;
  clock?: Clock;
  /** Set by server start-up once migrations and seeding are done; /healthz answers 503 until then. */
  ready?: () => boolean;
  logger?: boolean;
  serveWeb?: boolean;
}

export interface BuiltApp {
  app: FastifyInstance;
  ctx: ModuleContext;
  /** Starts background work (audit sealing, module timers). */
  start(): void;
  /** Stops background work and seals the audit log; does not close the database. */
  stop(): Promise<void>;
}

/**
 * Every route schema is a zod schema, compiled by the zod compilers `buildApp` installs with
 * `setValidatorCompiler`/`setSerializerCompiler` (Fastify replaces its schema controller's factories with them).
 * Naming placeholder factories here keeps Fastify from loading its default JSON-schema compilers (Ajv,
 * fast-json-stringify) first, about 0.17 s of every start-up; they throw if anything ever reaches them.
 */
const notCompiledHere = () => () => {
  throw new Error('route schemas are compiled by the zod compilers');
};

export async function buildApp(opts: BuildOptions): Promise<BuiltApp> {
  const requestLog = new RequestLog();
  const clock = opts.clock ?? systemClock;
  const app = Fastify({
    logger: opts.logger
      ? {
          level: opts.config.logLevel,
          // Log the route pattern, never the URL: query strings can hold a search term (a name) and
          // paths can hold one-time tokens. No headers (cookies, CSRF tokens) either.
          serializers: {
            req: (r: { method: string; routeOptions?: { url?: string } }) => ({
              method: r.method,
              route: r.routeOptions?.url ?? 'unmatched',
            }),
            res: (r: { statusCode: number }) => ({ statusCode: r.statusCode }),
          },
        }
      : false,
    logController: requestLog,
    bodyLimit: opts.config.bodyLimitBytes,
    trustProxy: opts.config.trustProxy,
    schemaController: {
      compilersFactory: { buildValidator: notCompiledHere, buildSerializer: notCompiledHere },
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializeSharedOnce(serializerCompiler));

  // Several processes on one PostgreSQL elect one to run the timed jobs; the embedded database is one process.
  const leadership = opts.config.databaseUrl
    ? advisoryLeadership(opts.config.databaseUrl, app.log)
    : soleProcess;
  const jobs = new Jobs(clock, app.log, leadership);
  const audit = new AuditWriter(
    opts.database.db,
    clock,
    opts.config.auditSealIntervalMs,
    jobs.register('audit-sealing'),
  );
  const stopWatching = watchConnections(opts.database, app.log);
  const sessions = new SessionStore(opts.database, clock);
  const ctx: ModuleContext = {
    database: opts.database,
    db: opts.database.db,
    config: opts.config,
    clock,
    audit,
    sessions,
    mailer: outboxMailer,
    log: app.log,
    jobs,
    ready: opts.ready ?? (() => true),
  };

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Plasticity API',
        version: '1',
        description: 'Clinical platform for ketamine-assisted therapy clinics',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'plasticity_session' } },
      },
    },
    transform: jsonSchemaTransform,
  });
  installErrorHandler(app);
  compressSharedResponses(app);
  await installBrowserEdge(app);
  installAuthGate(app, sessions, opts.config, fhirBearerTokens(opts.database.db, clock));
  app.addHook('onSend', (req, reply, payload, done) => {
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    done(null, payload);
  });

  for (const m of MODULES) await m.routes(app, ctx);
  if (opts.serveWeb !== false) await webModule.routes(app, ctx);

  const stops: Array<() => Promise<void>> = [];
  return {
    app,
    ctx,
    start() {
      leadership.start();
      audit.start();
      for (const m of MODULES) {
        const stop = m.start?.(ctx);
        if (stop) stops.push(stop);
      }
    },
    async stop() {
      for (const s of stops.reverse()) await s();
      await audit.stop();
      await leadership.stop();
      stopWatching();
      requestLog.flush();
    },
  };
}

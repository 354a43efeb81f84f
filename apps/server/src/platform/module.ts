/**
 * What a domain module receives from the composition root, and what it gives back.
 * A module owns its routes, SQL, policies and tests; it adds itself to app.ts's list and nothing else.
 */
import type { Database, DB } from '@plasticity/db';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { AuditWriter } from '../modules/audit/audit-writer.ts';
import type { SessionStore } from '../modules/auth/session-store.ts';
import type { Clock } from './clock.ts';
import type { Jobs } from './jobs.ts';
import type { Mailer } from './mailer.ts';

export interface ModuleContext {
  readonly database: Database;
  readonly db: Kysely<DB>;
  readonly config: Config;
  readonly clock: Clock;
  readonly audit: AuditWriter;
  readonly sessions: SessionStore;
  readonly mailer: Mailer;
  /** The process's logger (no patient data, no URLs: see request-log.ts and jobs.ts). */
  readonly log: FastifyBaseLogger;
  /** Background jobs: run every timer through `jobs.every` so failures are logged and shown on /healthz. */
  readonly jobs: Jobs;
  /** True once migrations and seeding are done. */
  readonly ready: () => boolean;
}

export interface ServerModule {
  readonly name: string;
  /** Registers the module's routes; every route declares `config.policy`. */
  routes(app: ZodApp, ctx: ModuleContext): void | Promise<void>;
  /** Background work started with the server (timers, listeners); returns its stop function. */
  start?(ctx: ModuleContext): (() => Promise<void>) | undefined;
  /** Demo data for the demo clinic (runs once, after the core demo seed). */
  seedDemo?(ctx: ModuleContext, info: import('../seed/demo.ts').DemoSeedInfo): Promise<void>;
}

export type ZodApp = FastifyInstance<
  import('fastify').RawServerDefault,
  import('http').IncomingMessage,
  import('http').ServerResponse,
  import('fastify').FastifyBaseLogger,
  ZodTypeProvider
>;

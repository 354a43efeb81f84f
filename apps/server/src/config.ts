/**
 * Configuration from the environment — every variable the server reads is here (and in the
 * README's configuration table). Invalid values stop start-up with a message naming the variable.
 */
import { join, resolve } from 'node:path';
import { DEFAULT_EMBEDDED_SHARED_BUFFERS_MB } from '@plasticity/db';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /**
   * The embedded database's buffer cache in megabytes (`PLASTICITY_EMBEDDED_SHARED_BUFFERS_MB`, 32 by default;
   * why 32: pglite-options.ts in the db package). Not used with DATABASE_URL, whose server has its own settings.
   */
  embeddedSharedBuffersMb: number;
  demo: boolean;
  /**
   * How many fictional patients the demo clinic's year of history holds (`PLASTICITY_DEMO_HISTORY_PATIENTS`,
   * 300 by default; 0 seeds the demo clinic without that history, which starts in seconds).
   */
  demoHistoryPatients: number;
  publicUrl: string | undefined;
  logLevel: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  trustProxy: boolean;
  auditSealIntervalMs: number;
  bodyLimitBytes: number;
  webDist: string | undefined;
  loginRateLimitPerIp: number;
  /** The MLLP listener for bedside monitors (HL7 v2 ORU^R01): off unless a port is set. */
  mllp: { port: number; host: string; maxFrameBytes: number } | undefined;
  /**
   * FHIR Bulk Data export: where the NDJSON files are written (`PLASTICITY_EXPORT_DIR`, by default `exports/` in
   * the data directory; every server process of a deployment must see the same folder) and how long a finished
   * export's files are kept (`PLASTICITY_EXPORT_TTL_MINUTES`, one hour by default).
   */
  bulkExport: { dir: string; ttlMinutes: number };
}

export class ConfigError extends Error {}

function int(env: NodeJS.ProcessEnv, name: string, dflt: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return n;
}

function bool(env: NodeJS.ProcessEnv, name: string, dflt: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be 1/0 or true/false, got "${raw}"`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const dataDir = resolve(env.PLASTICITY_DATA_DIR || './data');
  return {
    port: int(env, 'PORT', 3000, 0, 65535),
    // The embedded demo's passwords are published: it answers only this machine unless HOST opens it.
    host: env.HOST || (databaseUrl ? '0.0.0.0' : '127.0.0.1'),
    dataDir,
    databaseUrl,
    embeddedSharedBuffersMb: int(
      env,
      'PLASTICITY_EMBEDDED_SHARED_BUFFERS_MB',
      DEFAULT_EMBEDDED_SHARED_BUFFERS_MB,
      1,
      16_384,
    ),
    // The embedded database is the demo/evaluation path and seeds the demo clinic; a server seeds only on request.
    demo: databaseUrl ? bool(env, 'PLASTICITY_DEMO', false) : bool(env, 'PLASTICITY_DEMO', true),
    demoHistoryPatients: int(env, 'PLASTICITY_DEMO_HISTORY_PATIENTS', 300, 0, 5000),
    publicUrl: env.PLASTICITY_PUBLIC_URL || undefined,
    logLevel: env.LOG_LEVEL || 'info',
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || 'Plasticity <no-reply@localhost>',
    trustProxy: bool(env, 'TRUST_PROXY', false),
    auditSealIntervalMs: int(env, 'AUDIT_SEAL_INTERVAL_MS', 500, 50, 60_000),
    bodyLimitBytes: int(env, 'BODY_LIMIT_BYTES', 1_048_576, 1024, 50 * 1_048_576),
    webDist: env.PLASTICITY_WEB_DIST || undefined,
    loginRateLimitPerIp: int(env, 'LOGIN_RATE_LIMIT_PER_IP', 50, 1, 100_000),
    mllp:
      env.PLASTICITY_MLLP_PORT === undefined || env.PLASTICITY_MLLP_PORT === ''
        ? undefined
        : {
            port: int(env, 'PLASTICITY_MLLP_PORT', 2575, 0, 65535),
            // Monitors sit on the clinic's network: listen where the HTTP server listens unless told otherwise.
            host: env.PLASTICITY_MLLP_HOST || env.HOST || (databaseUrl ? '0.0.0.0' : '127.0.0.1'),
            maxFrameBytes: int(env, 'PLASTICITY_MLLP_MAX_BYTES', 1_048_576, 1024, 16 * 1_048_576),
          },
    bulkExport: {
      dir: resolve(env.PLASTICITY_EXPORT_DIR || join(dataDir, 'exports')),
      ttlMinutes: int(env, 'PLASTICITY_EXPORT_TTL_MINUTES', 60, 1, 7 * 24 * 60),
    },
  };
}

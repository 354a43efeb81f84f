/** Configuration defaults that protect a fresh install. */
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('HOST default', () => {
  it('keeps the embedded demo (published passwords) on loopback', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
  });
  it('listens on all interfaces with a PostgreSQL server', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://db/plasticity' }).host).toBe('0.0.0.0');
  });
  it('takes HOST when set, either way', () => {
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '10.0.0.5', DATABASE_URL: 'postgres://db/plasticity' }).host).toBe('10.0.0.5');
  });
});

describe('MLLP listener for bedside monitors', () => {
  it('is off unless PLASTICITY_MLLP_PORT is set', () => {
    expect(loadConfig({}).mllp).toBeUndefined();
    expect(loadConfig({ PLASTICITY_MLLP_PORT: '' }).mllp).toBeUndefined();
  });
  it('listens where HOST says unless PLASTICITY_MLLP_HOST does, with a 1 MiB message limit by default', () => {
    expect(loadConfig({ PLASTICITY_MLLP_PORT: '2575' }).mllp).toEqual({
      port: 2575,
      host: '127.0.0.1',
      maxFrameBytes: 1_048_576,
    });
    expect(
      loadConfig({ PLASTICITY_MLLP_PORT: '0', HOST: '0.0.0.0', PLASTICITY_MLLP_HOST: '10.0.0.9' }).mllp?.host,
    ).toBe('10.0.0.9');
  });
  it.each([
    ['PLASTICITY_MLLP_PORT', '70000'],
    ['PLASTICITY_MLLP_PORT', 'mllp'],
    ['PLASTICITY_MLLP_MAX_BYTES', '10'],
  ])('refuses %s=%s naming the variable', (name, value) => {
    expect(() => loadConfig({ PLASTICITY_MLLP_PORT: '2575', [name]: value })).toThrow(name);
  });
});

describe('FHIR Bulk Data export files', () => {
  it('go to exports/ in the data directory and are kept an hour, unless told otherwise', () => {
    expect(loadConfig({ PLASTICITY_DATA_DIR: '/srv/plasticity' }).bulkExport).toEqual({
      dir: '/srv/plasticity/exports',
      ttlMinutes: 60,
    });
    expect(
      loadConfig({ PLASTICITY_EXPORT_DIR: '/mnt/shared/exports', PLASTICITY_EXPORT_TTL_MINUTES: '15' })
        .bulkExport,
    ).toEqual({ dir: '/mnt/shared/exports', ttlMinutes: 15 });
  });
  it.each(['0', '10081', 'hour'])('refuses PLASTICITY_EXPORT_TTL_MINUTES=%s', (value) => {
    expect(() => loadConfig({ PLASTICITY_EXPORT_TTL_MINUTES: value })).toThrow(
      'PLASTICITY_EXPORT_TTL_MINUTES',
    );
  });
});

describe("the embedded database's buffer cache", () => {
  it('is 32 MB unless PLASTICITY_EMBEDDED_SHARED_BUFFERS_MB says otherwise', () => {
    expect(loadConfig({}).embeddedSharedBuffersMb).toBe(32);
    expect(loadConfig({ PLASTICITY_EMBEDDED_SHARED_BUFFERS_MB: '256' }).embeddedSharedBuffersMb).toBe(256);
  });
  it.each(['0', '16385', '1.5', 'large'])('refuses PLASTICITY_EMBEDDED_SHARED_BUFFERS_MB=%s', (value) => {
    expect(() => loadConfig({ PLASTICITY_EMBEDDED_SHARED_BUFFERS_MB: value })).toThrow(
      'PLASTICITY_EMBEDDED_SHARED_BUFFERS_MB',
    );
  });
});

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

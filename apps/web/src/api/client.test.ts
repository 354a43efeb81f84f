import { Patient } from '@plasticity/contracts';
import { describe, expect, it, vi } from 'vitest';
import { makePatient } from '../test/fixtures.ts';
import { apiError, mockApi } from '../test/mockApi.ts';
import { ApiError, buildUrl, onSessionLost, request, setCsrfToken } from './client.ts';
import { fieldErrorsOf, normaliseField } from './errors.ts';

describe('api client', () => {
  it('sends x-csrf-token on every state-changing method and never on GET', async () => {
    const api = mockApi({
      'GET /api/v1/patients/p': { body: makePatient() },
      'POST /api/v1/x': { body: makePatient() },
      'PATCH /api/v1/x': { body: makePatient() },
      'PUT /api/v1/x': { body: makePatient() },
      'DELETE /api/v1/x': { body: makePatient() },
    });
    setCsrfToken('secret-csrf');
    await request('GET', '/api/v1/patients/p', Patient);
    for (const method of ['POST', 'PATCH', 'PUT', 'DELETE'] as const) {
      await request(method, '/api/v1/x', Patient, { body: {} });
    }
    const [get, ...mutations] = api.calls;
    expect(get?.headers['x-csrf-token']).toBeUndefined();
    expect(mutations.map((c) => c.headers['x-csrf-token'])).toEqual(Array(4).fill('secret-csrf'));
    expect(api.calls.every((c) => c.credentials === 'same-origin')).toBe(true);
  });

  it('rejects a response that does not match the contract schema', async () => {
    mockApi({ 'GET /api/v1/patients/p': { body: { id: 'not-a-patient' } } });
    await expect(request('GET', '/api/v1/patients/p', Patient)).rejects.toMatchObject({
      code: 'bad_response',
    });
  });

  it('turns an error body into ApiError with code and field details', async () => {
    mockApi({
      'POST /api/v1/patients': apiError(400, 'validation_failed', 'invalid', [
        { field: 'body.dateOfBirth', message: 'is before 1900' },
        { field: 'body.address.city', message: 'Required' },
      ]),
    });
    const error = await request('POST', '/api/v1/patients', Patient, { body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('validation_failed');
    expect(fieldErrorsOf(error)).toEqual({ dateOfBirth: 'is before 1900', 'address.city': 'Required' });
  });

  it('reports 401 session_expired as a lost session unless the call is quiet', async () => {
    mockApi({ 'GET /api/v1/patients': apiError(401, 'session_expired') });
    const lost = vi.fn();
    const off = onSessionLost(lost);
    await request('GET', '/api/v1/patients', Patient).catch(() => {});
    await request('GET', '/api/v1/patients', Patient, { quiet401: true }).catch(() => {});
    off();
    expect(lost).toHaveBeenCalledTimes(1);
    expect(lost).toHaveBeenCalledWith('session_expired');
  });

  it('maps network failures to a calm network_error', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    await expect(request('GET', '/api/v1/me', Patient)).rejects.toMatchObject({
      code: 'network_error',
      status: 0,
    });
  });

  it('builds query strings without empty values', () => {
    expect(buildUrl('/a', { query: '', limit: 5, x: undefined, y: null })).toBe('/a?limit=5');
    expect(buildUrl('/a', { q: 'a b&c' })).toBe('/a?q=a+b%26c');
  });

  it('normalises server field paths', () => {
    expect(normaliseField('body.dateOfBirth')).toBe('dateOfBirth');
    expect(normaliseField('/emergencyContact/phone')).toBe('emergencyContact.phone');
    expect(normaliseField('answers[8]')).toBe('answers.8');
  });
});

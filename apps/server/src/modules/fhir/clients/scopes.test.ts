/** SMART system scopes: what parses, what a request is granted, what a grant reads. */
import { describe, expect, it } from 'vitest';
import { grantScopes, parseScope, scopesAllowRead } from './scopes.ts';

describe('parseScope', () => {
  it.each([
    ['system/Observation.rs', { type: 'Observation', permission: 'rs' }],
    ['system/Patient.read', { type: 'Patient', permission: 'read' }],
    ['system/*.rs', { type: '*', permission: 'rs' }],
    ['system/*.read', { type: '*', permission: 'read' }],
  ])('reads %s', (text, scope) => {
    expect(parseScope(text)).toEqual(scope);
  });

  it.each([
    'system/Observation.cruds',
    'system/Observation.r',
    'system/Observation.write',
    'patient/Observation.rs',
    'user/*.rs',
    'system/Observation.rs?category=vital-signs',
    'system/Basic.rs',
    'system/observation.rs',
    'launch',
    '',
  ])('refuses %s', (text) => {
    expect(parseScope(text)).toHaveProperty('error');
  });
});

describe('grantScopes', () => {
  it.each([
    ['system/Observation.rs', ['system/Observation.rs'], ['system/Observation.rs']],
    ['system/Observation.read', ['system/Observation.rs'], ['system/Observation.read']],
    ['system/Observation.rs', ['system/*.rs'], ['system/Observation.rs']],
    ['system/Patient.rs', ['system/Observation.rs'], []],
    [
      'system/*.rs',
      ['system/Observation.rs', 'system/Patient.read'],
      ['system/Observation.rs', 'system/Patient.read'],
    ],
    ['system/Patient.rs system/Observation.rs', ['system/Observation.rs'], ['system/Observation.rs']],
    ['system/Observation.cruds', ['system/*.rs'], []],
    ['  system/Observation.rs   system/Observation.rs ', ['system/*.rs'], ['system/Observation.rs']],
    ['', ['system/*.rs'], []],
  ] as const)('%s against %j → %j', (requested, allowed, granted) => {
    expect(grantScopes(requested, allowed)).toEqual(granted);
  });
});

describe('scopesAllowRead', () => {
  it.each([
    [['system/Observation.rs'], 'Observation', true],
    [['system/Observation.rs'], 'Patient', false],
    [['system/Patient.read'], 'Patient', true],
    [['system/*.read'], 'Encounter', true],
    [[], 'Patient', false],
  ] as const)('%j reads %s: %s', (granted, type, allowed) => {
    expect(scopesAllowRead(granted, type)).toBe(allowed);
  });
});

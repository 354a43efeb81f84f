export * from './errors.ts';
export * from './common.ts';
export * from './auth.ts';
export * from './patients.ts';
export * from './audit.ts';
export * from './users.ts';
export * from './controlled.ts';

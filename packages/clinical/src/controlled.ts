/**
 * Controlled-substance register logic (DEA Schedule III, 21 CFR 1301.76, 1304.04, 1304.11, 1304.22(c),
 * DEA-41, DEA-106): exact decimals, movement rules, derived balances, counts, inventories and loss
 * deadlines. Pure functions, no I/O. Import as `@plasticity/clinical/controlled`.
 */

export * from './controlled/balances.ts';
export * from './controlled/conversions.ts';
export * from './controlled/corrections.ts';
export * from './controlled/counts.ts';
export * from './controlled/dates.ts';
export * from './controlled/decimal.ts';
export * from './controlled/dose-draw.ts';
export * from './controlled/draft.ts';
export * from './controlled/draws.ts';
export * from './controlled/holidays.ts';
export * from './controlled/identifiers.ts';
export * from './controlled/inventory.ts';
export * from './controlled/loss.ts';
export * from './controlled/movements.ts';
export * from './controlled/status.ts';
export * from './controlled/validation.ts';

/**
 * Who may do what with good-faith estimates (declared on each route): the front desk, admin and prescribers record
 * coverage and draft, issue and correct estimates; every staff role reads them (a clinician answering a patient's
 * cost question sees what was promised).
 */
import { allow, STAFF } from '../../../platform/policy.ts';

export const WRITE_ESTIMATES = allow.roles('admin', 'front_desk', 'prescriber');
export const READ_ESTIMATES = allow.roles(...STAFF);

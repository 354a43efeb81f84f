/**
 * Who reads the outcomes dashboard: the clinic's admins (the medical director's view) and prescribers.
 * Aggregates only, with small cells suppressed; no other role reads them.
 */
import { allow } from '../../platform/policy.ts';

export const READ_OUTCOMES = allow.roles('admin', 'prescriber');

/** Who works with a patient's bill: the front desk, admins and prescribers (they download superbills too). */
import type { Role } from '@plasticity/contracts';

export const BILLING_ROLES: readonly Role[] = ['admin', 'front_desk', 'prescriber'];

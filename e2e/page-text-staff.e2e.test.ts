/** Every page's text as the admin, the therapist, the front desk and a signed-out visitor (see page-text.ts). */
import { test } from 'vitest';
import { checkTheCheck, describePageText } from './page-text.ts';

test('the page-text check finds a code, a marker and a contract field name', checkTheCheck);
describePageText(['admin', 'therapist', 'front_desk', null]);

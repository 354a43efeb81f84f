/**
 * Clinic settings (admin): name, time zone, address, phone, DEA registration number, NPI and TIN (printed
 * on consent PDFs, the REMS form and controlled-substance reports), which roles must use MFA, session idle
 * timeout and absolute lifetime, the clinic-device modes, and the opening hours the calendar flags bookings
 * against. Changes are audited with the settings' names and new values.
 */
import type { ServerModule } from '../../platform/module.ts';
import { getClinicSettingsRoute } from './get-clinic-settings.ts';
import { updateClinicSettingsRoute } from './update-clinic-settings.ts';

export const clinicModule: ServerModule = {
  name: 'clinic',
  routes(app, ctx) {
    getClinicSettingsRoute(app, ctx);
    updateClinicSettingsRoute(app, ctx);
  },
};

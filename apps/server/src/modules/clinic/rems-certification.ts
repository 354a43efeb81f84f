/**
 * The clinic's SPRAVATO REMS healthcare-setting certification (FDA REMS 386: esketamine is given only in a
 * certified setting), kept in clinic settings as `remsSettingCertification` {certificationId, certifiedOn}.
 */
import { type RemsSettingCertification, RemsSettingCertification as Schema } from '@plasticity/contracts';

export function remsSettingCertificationOf(settings: unknown): RemsSettingCertification | null {
  const raw =
    settings && typeof settings === 'object'
      ? (settings as Record<string, unknown>).remsSettingCertification
      : undefined;
  const r = Schema.safeParse(raw);
  return r.success ? r.data : null;
}

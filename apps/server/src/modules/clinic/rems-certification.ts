/**
 * The clinic's SPRAVATO REMS healthcare-setting certification (FDA REMS 386: esketamine is given only in a
 * certified setting), kept in clinic settings as `remsSettingCertification` {certificationId, certifiedOn}.
 */
import { parseClinicSettings, type RemsSettingCertification } from '@plasticity/contracts';

/** The certification in stored clinic settings; null when none is recorded or it is malformed. */
export function remsSettingCertificationOf(settings: unknown): RemsSettingCertification | null {
  return parseClinicSettings(settings).remsSettingCertification;
}

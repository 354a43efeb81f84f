import { computeOutcome, getInstrument } from '@plasticity/clinical/instruments';
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../seed/demo.ts';
import { useTestApp } from '../../test/harness.ts';
import { alertsModule } from '../alerts/index.ts';
import { measurementModule } from './index.ts';

describe.each(testBackends())('measurement demo seed on %s', (backend) => {
  const h = useTestApp(backend);

  it('seeds responders, remitters and non-responders with a baseline before the first dose, and one open alert', async () => {
    const info = await seedDemo(h.built.ctx, [measurementModule, alertsModule]);
    const db = h.database.db;
    const phq9 = getInstrument('phq9');
    if (!phq9) throw new Error('phq9');
    const outcome = async (key: string) => {
      const pid = info.patientIds[key] as string;
      const rows = await db
        .selectFrom('assessments')
        .select(['administered_at', 'total'])
        .where('patient_id', '=', pid)
        .where('instrument_id', '=', 'phq9')
        .execute();
      const prof = await db
        .selectFrom('measurement_profiles')
        .select('first_dose_at')
        .where('patient_id', '=', pid)
        .executeTakeFirst();
      return computeOutcome(
        phq9,
        rows.map((r) => ({ at: r.administered_at.toISOString(), total: r.total })),
        prof?.first_dose_at?.toISOString(),
      );
    };
    expect(await outcome('portal')).toMatchObject({
      baselineRule: 'last_before_first_dose',
      response: true,
      remission: false,
    });
    expect(await outcome('p2')).toMatchObject({ response: true, remission: true });
    expect(await outcome('p3')).toMatchObject({ response: false, remission: false });
    const alerts = await db
      .selectFrom('alerts')
      .selectAll()
      .where('clinic_id', '=', info.clinicId)
      .where('status', '=', 'open')
      .execute();
    expect(alerts.map((a) => a.patient_id).sort()).toEqual([info.patientIds.p3, info.patientIds.p11].sort());
    const kinds = await db
      .selectFrom('assessments')
      .select('instrument_id')
      .distinct()
      .where('clinic_id', '=', info.clinicId)
      .execute();
    expect(kinds.map((k) => k.instrument_id).sort()).toEqual(['audit', 'gad7', 'madrs', 'pcl5', 'phq9']);
  });
});

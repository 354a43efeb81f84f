/**
 * Demo stock for Fresh Start Ketamine: two opened ketamine vials on the medication-room
 * shelf with running balances from real draws, administrations and witnessed waste; unopened vials in
 * the safe; a sealed and an opened esketamine device box; one vial used up (empty stock is listed
 * too) and one short-dated vial so the expiry alert has something to show. Every NDC and DEA number
 * here is FICTIONAL (labeler code 99999 is not assigned; DEA numbers only pass the check digit).
 * Movements go through the same `recordMovement` as the API, so the demo ledger obeys every rule.
 */
import type { CreateMovementRequest } from '@plasticity/contracts';
import type { ModuleContext } from '../../platform/module.ts';
import type { DemoSeedInfo } from '../../seed/demo.ts';
import { patchClinicSettings } from '../clinic/settings-store.ts';
import { recordMovement } from './record-movement.ts';

const DAY = 86_400_000;

export async function seedControlledDemo(ctx: ModuleContext, info: DemoSeedInfo): Promise<void> {
  const { clinicId } = info;
  const nurse = info.userIds.nurse as string;
  const prescriber = info.userIds.prescriber as string;
  const now = ctx.clock.now();
  const at = (daysAgo: number, hour = 10) => {
    const d = new Date(now.getTime() - daysAgo * DAY);
    d.setUTCHours(hour + 5, 0, 0, 0);
    return new Date(Math.min(d.getTime(), now.getTime() - 60_000)).toISOString();
  };
  const inDays = (days: number) => new Date(now.getTime() + days * DAY).toISOString().slice(0, 10);

  await ctx.db.transaction().execute(async (trx) => {
    await patchClinicSettings(trx, clinicId, { controlled: { expiryAlertDays: 60, beyondUseDays: 28 } });
    const loc = async (name: string, kind: string) =>
      (
        await trx
          .insertInto('cs_locations')
          .values({ clinic_id: clinicId, name, kind })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const shelf = await loc('Medication room shelf', 'shelf');
    const safe = await loc('Safe', 'safe');
    const supplier = (
      await trx
        .insertInto('cs_suppliers')
        .values({
          clinic_id: clinicId,
          name: 'Triangle Medical Supply (fictional)',
          address: '400 Distribution Way, Durham, NC 27703',
          dea_number: 'RT1234563',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const product = async (v: {
      drug: string;
      ndc: string;
      form: string;
      strength: string;
      conc: string | null;
      size: string;
      label: string;
      unit: 'mg' | 'mL';
    }) =>
      (
        await trx
          .insertInto('cs_products')
          .values({
            clinic_id: clinicId,
            drug: v.drug,
            ndc: v.ndc,
            form: v.form,
            strength: v.strength,
            concentration_mg_per_ml: v.conc,
            container_size: v.size,
            container_label: v.label,
            unit: v.unit,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const k50 = await product({
      drug: 'Ketamine HCl',
      ndc: '99999-0050-10',
      form: 'injectable solution, multi-dose vial',
      strength: '50 mg/mL',
      conc: '50',
      size: '10',
      label: '10 mL vial',
      unit: 'mL',
    });
    const k100 = await product({
      drug: 'Ketamine HCl',
      ndc: '99999-0100-05',
      form: 'injectable solution, multi-dose vial',
      strength: '100 mg/mL',
      conc: '100',
      size: '5',
      label: '5 mL vial',
      unit: 'mL',
    });
    const esk = await product({
      drug: 'Esketamine (Spravato)',
      ndc: '99999-0028-03',
      form: 'nasal spray, 28 mg devices',
      strength: '28 mg/device',
      conc: null,
      size: '84',
      label: '3-device box (84 mg)',
      unit: 'mg',
    });

    const witness = [{ userId: prescriber, displayName: 'Dr. Pat Prescriber' }];
    const move = (body: CreateMovementRequest, witnesses = [] as typeof witness) =>
      recordMovement(trx, { clinicId, actorUserId: nurse, now, body, witnesses });
    const container = async (
      productId: string,
      lot: string,
      expiresOn: string,
      label: string,
      locationId: string,
      quantity: string,
      unit: 'mg' | 'mL',
      receivedDaysAgo: number,
    ) => {
      const c = await trx
        .insertInto('cs_containers')
        .values({
          clinic_id: clinicId,
          product_id: productId,
          lot,
          expires_on: expiresOn,
          label,
          location_id: locationId,
          created_by: nurse,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await move({
        type: 'receipt',
        containerId: c.id,
        quantity,
        unit,
        supplierId: supplier,
        invoice: `TMS-${lot}`,
        occurredAt: at(receivedDaysAgo, 9),
      });
      return c.id;
    };
    /** A session's dose: draw, give, and waste the remainder with the prescriber as witness. */
    const dose = async (
      containerId: string,
      unit: 'mg' | 'mL',
      patientKey: string,
      daysAgo: number,
      drawn: string,
      given: string,
      wasted?: string,
    ) => {
      const patientId = info.patientIds[patientKey] as string;
      const d = await move({
        type: 'draw',
        containerId,
        quantity: drawn,
        unit,
        patientId,
        occurredAt: at(daysAgo, 10),
      });
      await move({
        type: 'administer',
        containerId,
        quantity: given,
        unit,
        drawId: d.entry.id,
        patientId,
        route: unit === 'mL' ? 'IM' : 'intranasal',
        occurredAt: at(daysAgo, 10),
      });
      if (wasted)
        await move(
          {
            type: 'waste',
            containerId,
            from: 'draw',
            drawId: d.entry.id,
            quantity: wasted,
            unit,
            reason: 'syringe remainder after dose',
            occurredAt: at(daysAgo, 11),
          },
          witness,
        );
    };

    // Used up two weeks ago (opened within its 28-day beyond-use period): listed with balance 0.
    const used = await container(k50, 'KT24A118', inDays(300), 'Vial K-001', shelf, '10', 'mL', 40);
    await move({ type: 'open', containerId: used, occurredAt: at(27, 8) });
    await dose(used, 'mL', 'p8', 27, '1.6', '1.6');
    await dose(used, 'mL', 'p10', 25, '1.4', '1.3', '0.1');
    await dose(used, 'mL', 'p2', 23, '1.5', '1.5');
    await dose(used, 'mL', 'p3', 21, '1.5', '1.4', '0.1');
    await dose(used, 'mL', 'p8', 19, '1.3', '1.3');
    await dose(used, 'mL', 'p10', 17, '1.4', '1.4');
    await dose(used, 'mL', 'p2', 15, '1.3', '1.2', '0.1');

    // Two opened vials on the shelf.
    const vialA = await container(k50, 'KT24B207', inDays(420), 'Vial K-002', shelf, '10', 'mL', 16);
    await dose(vialA, 'mL', 'p2', 4, '2', '1.8', '0.2');
    await dose(vialA, 'mL', 'p3', 2, '1.6', '1.6');
    const vialB = await container(k50, 'KT24B207', inDays(420), 'Vial K-003', shelf, '10', 'mL', 16);
    await dose(vialB, 'mL', 'portal', 1, '1.2', '1', '0.2');

    // Unopened stock in the safe, one short-dated.
    await container(k50, 'KT24B207', inDays(420), 'Vial K-004', safe, '10', 'mL', 16);
    await container(k50, 'KT24B207', inDays(420), 'Vial K-005', safe, '10', 'mL', 16);
    await container(k50, 'KT23Z990', inDays(25), 'Vial K-006', safe, '10', 'mL', 60);
    await container(k100, 'KH24C031', inDays(540), 'Vial H-001', safe, '5', 'mL', 10);

    // Esketamine: one sealed device box, one opened for a session (2 devices given, 1 left).
    await container(esk, 'ES24D455', inDays(365), 'Box E-001', safe, '84', 'mg', 12);
    const box = await container(esk, 'ES24D455', inDays(365), 'Box E-002', safe, '84', 'mg', 12);
    await dose(box, 'mg', 'p4', 3, '56', '56');
  });
}

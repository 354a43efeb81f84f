/**
 * `bookInTrx` inside one transaction for a series: a clash with an item booked earlier in the same series
 * names that item's field prefix and appointment, and nothing of the series stays.
 */
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.ts';
import { useTestApp } from '../../../test/harness.ts';
import { countAppointments, makeChair } from '../appointments/test/fixtures.ts';
import { bookInTrx } from './book.ts';

describe.each(testBackends())('booking a series in one transaction on %s', (backend) => {
  const h = useTestApp(backend);

  it('names the clashing item of the series and books none of it', async () => {
    const c = await h.newClinic();
    const chairId = await makeChair(h, c, 'Chair 5');
    const ctx = h.built.ctx;
    const actor = {
      clinicId: c.clinicId,
      userId: c.users.front_desk.id,
      email: null,
      role: 'front_desk',
      sourceAddress: null,
    };
    const item = (start: string) => ({
      clinicId: c.clinicId,
      patientId: c.patientId,
      type: 'follow_up' as const,
      start: new Date(start),
      chairId,
      bookedVia: 'staff' as const,
      createdBy: c.users.front_desk.id,
    });
    let firstId = '';
    const failure = await ctx.db
      .transaction()
      .execute(async (trx) => {
        const first = await bookInTrx(trx, ctx, actor, item('2030-01-08T15:00:00.000Z'), {
          field: 'body.items[0]',
        });
        firstId = first.id;
        await bookInTrx(trx, ctx, actor, item('2030-01-09T15:00:00.000Z'), { field: 'body.items[1]' });
        await bookInTrx(trx, ctx, actor, item('2030-01-08T15:15:00.000Z'), { field: 'body.items[2]' });
      })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(failure).toBeInstanceOf(AppError);
    const err = failure as AppError;
    expect(err.code).toBe('conflict');
    expect(err.details).toEqual([
      {
        field: 'body.items[2].chairId',
        message: 'Chair 5 is booked 2030-01-08 10:00–10:30',
        appointmentId: firstId,
      },
    ]);
    expect(await countAppointments(h, c)).toBe(0);
  });
});

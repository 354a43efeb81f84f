import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness.ts';
import { MAX_SEND_ATTEMPTS, sendPending } from './outbox.ts';

describe.each(testBackends())('outbox sender on %s', (backend) => {
  const h = useTestApp(backend);

  it('sends each queued message once, marks sent_at, and records failures for a retry', async () => {
    const c = await h.newClinic();
    const ctx = h.built.ctx;
    const enqueue = (recipient: string) =>
      ctx.mailer.enqueue(ctx.db, {
        clinicId: c.clinicId,
        recipient,
        subject: 'Check-in',
        body: 'Hello Pat,\n/r/x',
        kind: 'measurement_reminder',
      });
    const good = await enqueue(`ok-${c.clinicId}@example.org`);
    const bad = await enqueue(`fail-${c.clinicId}@example.org`);
    const sent: string[] = [];
    const transport = {
      async sendMail(m: { to: string }) {
        if (m.to.startsWith('fail-')) throw new Error('mailbox unavailable');
        sent.push(m.to);
      },
    };
    // Two concurrent senders (two server processes) never send the same message twice.
    await Promise.all([
      sendPending(ctx, transport, 500, c.clinicId),
      sendPending(ctx, transport, 500, c.clinicId),
    ]);
    expect(sent.filter((t) => t.includes(c.clinicId))).toEqual([`ok-${c.clinicId}@example.org`]);
    const rows = await ctx.db.selectFrom('outbox').selectAll().where('id', 'in', [good, bad]).execute();
    const g = rows.find((r) => r.id === good);
    const b = rows.find((r) => r.id === bad);
    expect(g?.sent_at).not.toBeNull();
    expect(g?.transport).toBe('smtp');
    expect(b?.sent_at).toBeNull();
    expect(b?.last_error).toBe('mailbox unavailable');
    for (let i = 0; i < MAX_SEND_ATTEMPTS + 2; i++) await sendPending(ctx, transport, 500, c.clinicId);
    const after = await ctx.db
      .selectFrom('outbox')
      .select('attempts')
      .where('id', '=', bad)
      .executeTakeFirstOrThrow();
    expect(after.attempts).toBe(MAX_SEND_ATTEMPTS);
  });
});

/**
 * GET /api/v1/board/events — the live board as Server-Sent Events (WHATWG HTML §9.2).
 *
 * Events: `event: vitals`, `event: alert` (data at least `{sessionId, parameter, value}`), `event: session`,
 * each with an `id:`; `event: resync` (no id) when this process's database LISTEN connection came back after a
 * break, so events may have been missed: the client refetches the board. A client reconnecting with `Last-Event-ID` (or `?lastEventId=`) first gets every
 * event of its clinic it missed, then live ones; live events that arrive during the replay are held and
 * de-duplicated by id. A comment line every 15 s keeps proxies from closing an idle stream.
 * Clinicians and the admin of the clinic only; the stream is audited once when it opens.
 */
import { BoardEventQuery } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { type BoardEvent, boardHub } from './hub.ts';

export const HEARTBEAT_MS = 15_000;

export function boardEventsRoute(app: ZodApp, ctx: ModuleContext) {
  // Open streams end when the server shuts down (otherwise closing would wait for every board to leave).
  const open = new Set<import('node:http').ServerResponse>();
  app.addHook('preClose', async () => {
    for (const res of open) res.end();
    open.clear();
  });
  app.get(
    '/api/v1/board/events',
    {
      config: { policy: allow.roles('prescriber', 'nurse', 'therapist', 'admin') },
      schema: { querystring: BoardEventQuery, tags: ['sessions'] },
    },
    async (req, reply) => {
      const a = authOf(req);
      const header = Number(req.headers['last-event-id']);
      const lastId = Number.isInteger(header) && header >= 0 ? header : (req.query.lastEventId ?? null);
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'query',
        resourceType: 'board_stream',
        category: 'vital_signs',
        details: { resumeFrom: lastId },
      });
      const hub = boardHub(ctx);
      let sentUpTo = lastId ?? 0;
      let replaying = lastId !== null;
      const held: BoardEvent[] = [];
      const res = reply.raw;
      // Live events can arrive out of id order (after-commit announcements, concurrent commits): de-duplicate
      // by id rather than by the highest id sent.
      const sent = new Set<number>();
      const write = (e: BoardEvent) => {
        if (sent.has(e.id) || (lastId !== null && e.id <= lastId)) return;
        sent.add(e.id);
        if (sent.size > 10_000) sent.delete(sent.values().next().value as number);
        sentUpTo = Math.max(sentUpTo, e.id);
        res.write(`id: ${e.id}\nevent: ${e.kind}\ndata: ${JSON.stringify(e.data)}\n\n`);
      };
      // After a break in the database's LISTEN connection, events may have been missed: tell the client to
      // refetch (`event: resync`, no id, so its Last-Event-ID stays where it was).
      let started = false;
      const resync = () => {
        if (started) res.write('event: resync\ndata: {"reason":"reconnected"}\n\n');
      };
      const unsubscribe = await hub.subscribe(
        a.clinicId,
        (e) => (replaying ? held.push(e) : write(e)),
        resync,
      );
      reply.hijack();
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.write('retry: 2000\n: connected\n\n');
      started = true;
      if (lastId === null) {
        // A new client starts from now: remember the newest id so a later resume has a floor.
        const newest = await ctx.db
          .selectFrom('board_events')
          .select((eb) => eb.fn.max('id').as('id'))
          .where('clinic_id', '=', a.clinicId)
          .executeTakeFirst();
        const top = Number(newest?.id ?? 0);
        if (top > sentUpTo) res.write(`id: ${top}\n: resume point\n\n`);
      } else {
        for (const e of await hub.since(a.clinicId, lastId)) write(e);
        replaying = false;
        for (const e of held.splice(0).sort((x, y) => x.id - y.id)) write(e);
      }
      const beat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
      beat.unref();
      open.add(res);
      const close = () => {
        open.delete(res);
        clearInterval(beat);
        unsubscribe();
      };
      req.raw.on('close', close);
      res.on('error', close);
    },
  );
}

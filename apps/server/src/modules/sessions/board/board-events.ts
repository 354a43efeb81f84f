/**
 * GET /api/v1/board/events — the live board as Server-Sent Events (WHATWG HTML §9.2).
 *
 * Events (`data:` is the contract's `BoardStreamEvent`, packages/contracts board-events.ts; `event:` is its
 * kind): `vitals` (the upload's newest reading), `alert` (the alert as the board shows it), `session`, each
 * with an `id:`; `resync` (no id) when events may have been missed although the stream stayed open (this
 * process's database LISTEN connection came back, notices were lost, or a missed event could not be
 * replayed): the client refetches the board. A client opening the stream with `Last-Event-ID` (or
 * `?lastEventId=`, e.g. the board snapshot's `lastEventId`) first gets every event of its clinic after it,
 * then live ones; live events that arrive during the replay are held and de-duplicated by id. A comment line
 * every 15 s keeps proxies from closing an idle stream. A client that does not read is dropped (see
 * `sse-writer.ts`); its EventSource reconnects and is replayed what it missed.
 * Clinicians and the admin of the clinic only (200; 401 signed out, 403 other roles); the stream is audited
 * once when it opens.
 */

import type { BoardResyncEvent } from '@plasticity/contracts';
import { BoardEventQuery } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { type BoardEvent, boardHub } from './hub.ts';
import { createSseWriter, SSE_LIMITS } from './sse-writer.ts';

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
      const out = createSseWriter(
        res,
        SSE_LIMITS,
        (reason, queuedBytes) => {
          hub.streamStats.dropped += 1;
          ctx.log.warn({ reason, queuedBytes }, 'board stream dropped: the client is not reading');
        },
        (n) => {
          hub.streamStats.peakQueuedBytes = Math.max(hub.streamStats.peakQueuedBytes, n);
        },
      );
      // Live events can arrive out of id order (after-commit announcements, concurrent commits): de-duplicate
      // by id rather than by the highest id sent.
      const sent = new Set<number>();
      const write = (e: BoardEvent) => {
        if (sent.has(e.id) || (lastId !== null && e.id <= lastId)) return;
        sent.add(e.id);
        if (sent.size > 10_000) sent.delete(sent.values().next().value as number);
        sentUpTo = Math.max(sentUpTo, e.id);
        out.write(`id: ${e.id}\nevent: ${e.data.kind}\ndata: ${JSON.stringify(e.data)}\n\n`);
      };
      // Events may have been missed (a break in the database's LISTEN connection, notices not sent): tell
      // the client to refetch (`event: resync`, no id, so its Last-Event-ID stays where it was).
      let started = false;
      const resync = (reason: BoardResyncEvent['reason']) => {
        const e: BoardResyncEvent = { kind: 'resync', reason };
        if (started) out.write(`event: resync\ndata: ${JSON.stringify(e)}\n\n`);
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
      out.write('retry: 2000\n: connected\n\n');
      started = true;
      if (lastId === null) {
        // A new client starts from now: remember the newest id so a later resume has a floor.
        const newest = await ctx.db
          .selectFrom('board_events')
          .select((eb) => eb.fn.max('id').as('id'))
          .where('clinic_id', '=', a.clinicId)
          .executeTakeFirst();
        const top = Number(newest?.id ?? 0);
        if (top > sentUpTo) out.write(`id: ${top}\n: resume point\n\n`);
      } else {
        const missed = await hub.since(a.clinicId, lastId);
        for (const e of missed.events) write(e);
        replaying = false;
        for (const e of held.splice(0).sort((x, y) => x.id - y.id)) write(e);
        if (missed.unreadable) resync('replay');
      }
      const beat = setInterval(() => out.write(': heartbeat\n\n'), HEARTBEAT_MS);
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

/**
 * GET /api/v1/board — the caller's clinic's live board (`readBoard`, board-snapshot.ts: chairs, their sessions,
 * latest vitals, trends, open alerts, observations due, today's schedule, and the `lastEventId` the browser
 * opens /board/events from).
 * Roles: prescriber, nurse, therapist, admin; 200 only. Every read is audited, one entry per request, in the
 * statement that read the board.
 *
 * Why the reads are shared: every screen in a clinic reads the same board (on opening, and again after each session
 * change it follows), and a 50-chair board is some hundreds of kilobytes. Requests for one clinic's board that
 * arrive while its read runs wait for the next read, which starts after them (`CoalescedReads`), so no one is ever
 * answered from a snapshot older than their request; that read writes each waiting request's audit entry and its
 * answer is checked against the contract and serialised once (`shareResponse`).
 */
import { Board } from '@plasticity/contracts';
import { sql } from 'kysely';
import { CoalescedReads } from '../../../platform/coalesced-reads.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { shareResponse } from '../../../platform/shared-response.ts';
import type { AuditActor } from '../../audit/audit-writer.ts';
import { sessionSettings } from '../shared/settings.ts';
import { BOARD_SESSION_COUNT, readBoard } from './board-snapshot.ts';

/** A request waiting for its clinic's board: who reads it (for the audit entry) and the clinic's time zone. */
interface BoardReader {
  actor: AuditActor;
  timeZone: string;
}

/** One read of a clinic's board for the requests it serves, with one audit entry each, in its one statement. */
async function readForReaders(ctx: ModuleContext, clinicId: string, readers: BoardReader[]): Promise<Board> {
  const { boardClosedVisibleMin } = await sessionSettings(ctx.db, clinicId);
  const col = (f: (a: AuditActor) => string | null) => readers.map((r) => f(r.actor));
  const board = await readBoard(ctx.db, {
    clinicId,
    timeZone: (readers[0] as BoardReader).timeZone,
    now: ctx.clock.now(),
    boardClosedVisibleMin,
    audit: ctx.audit.insertSelect(
      {
        clinicId,
        userId: sql`r.user_id`,
        email: sql`r.email`,
        role: sql`r.role`,
        sourceAddress: sql`r.source_address`,
      },
      {
        action: 'query',
        resourceType: 'board',
        category: 'vital_signs',
        details: sql`jsonb_build_object('sessions', ${BOARD_SESSION_COUNT})`,
      },
      sql`unnest(${col((a) => a.userId)}::uuid[], ${col((a) => a.email)}::text[],
        ${col((a) => a.role)}::text[], ${col((a) => a.sourceAddress)}::text[])
        as r(user_id, email, role, source_address)`,
    ),
  });
  ctx.audit.sealSoon();
  return board;
}

const boardReads = new WeakMap<ModuleContext, CoalescedReads<BoardReader, Board>>();
/** The app's shared board reads (one per app context). */
export function boardReadsOf(ctx: ModuleContext): CoalescedReads<BoardReader, Board> {
  let reads = boardReads.get(ctx);
  if (!reads) {
    reads = new CoalescedReads((clinicId, readers) => readForReaders(ctx, clinicId, readers));
    boardReads.set(ctx, reads);
  }
  return reads;
}

export function getBoardRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/board',
    {
      config: { policy: allow.roles('prescriber', 'nurse', 'therapist', 'admin') },
      schema: { response: { 200: Board }, tags: ['sessions'] },
    },
    async (req) => {
      const a = authOf(req);
      const board = await boardReadsOf(ctx).get(a.clinicId, { actor: actorOf(req), timeZone: a.timeZone });
      return shareResponse(board);
    },
  );
}

/**
 * The two board clients the board benchmark (board-queries.bench.ts) compares, each as the web app behaves:
 *
 * - `refetching`: the web board before it kept a cache — it opens the stream from now and, for every event
 *   of any kind, refetches the whole board (GET /api/v1/board) 150 ms later (one refetch for a burst);
 *   a refetch aborts the one still in flight (`useLoad`), whose statements the server still runs;
 * - `applying`: the web board today (apps/web/src/features/sessions/BoardPage.tsx) — it loads the snapshot,
 *   opens the stream from its `lastEventId`, applies each event to the snapshot with the web app's own
 *   `applyBoardEvent`, and refetches (with the same 150 ms coalescing) only when that asks for it (a session
 *   event, an unknown chair, a backlog upload), on `resync`, and on an event that does not match the contract.
 */
import http from 'node:http';
import { type Board, BoardStreamEvent } from '@plasticity/contracts';
import { openSse, type SseClient } from '../apps/server/src/modules/sessions/test/sse-client.ts';
import { applyBoardEvent } from '../apps/web/src/features/sessions/applyBoardEvent.ts';
import type { Http } from './vitals-support.ts';

export type BoardClientKind = 'refetching' | 'applying';

export interface BoardClient {
  /** Board snapshots fetched since the last `resetCount()`. */
  readonly fetches: number;
  /** Events that did not match the contract (must stay 0). */
  readonly malformed: number;
  /** Refetches that failed (must stay 0). */
  readonly failures: number;
  resetCount(): void;
  close(): void;
}

export async function openBoardClient(kind: BoardClientKind, session: Http): Promise<BoardClient> {
  let fetches = 0;
  let malformed = 0;
  let failures = 0;
  let closed = false;
  let board: Board | undefined;
  // As a browser tab: up to 6 connections to the server (one is the stream); a refetch aborts the previous
  // one still in flight (the old `useLoad` did, and TanStack Query's refetch does).
  const agent = new http.Agent({ keepAlive: true, maxSockets: 5 });
  let inFlight: http.ClientRequest | undefined;
  const fetchBoard = () =>
    new Promise<void>((resolve, reject) => {
      fetches++;
      inFlight?.destroy();
      const req = http.get(`${session.base}/api/v1/board`, { agent, headers: { cookie: session.cookie } });
      inFlight = req;
      // An aborted refetch is the expected end of a superseded one, not a failure.
      const failed = (e: unknown) => (inFlight !== req || closed ? resolve() : reject(e));
      req.on('error', failed);
      req.on('response', (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('error', failed);
        res.on('data', (c: string) => {
          text += c;
        });
        res.on('end', () => {
          if (res.statusCode !== 200) return reject(new Error(`GET /api/v1/board: ${res.statusCode}`));
          board = JSON.parse(text) as Board;
          resolve();
        });
      });
    });
  let timer: NodeJS.Timeout | undefined;
  const soon = () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      fetchBoard().catch((e: unknown) => {
        failures++;
        console.error('board refetch failed:', e);
      });
    }, 150);
  };
  await fetchBoard();
  const from = kind === 'applying' ? `?lastEventId=${board?.lastEventId ?? 0}` : '';
  const sse: SseClient = await openSse(`${session.base}/api/v1/board/events${from}`, {
    cookie: session.cookie,
  });
  sse.onEvent((e) => {
    if (kind === 'refetching') return soon();
    const parsed = BoardStreamEvent.safeParse(JSON.parse(e.data));
    if (!parsed.success) {
      malformed++;
      return soon();
    }
    if (parsed.data.kind === 'resync') return soon();
    if (!board) return;
    const r = applyBoardEvent(board, { ...parsed.data, eventId: Number(e.id) });
    board = r.board;
    if (r.refetch) soon();
  });
  return {
    get fetches() {
      return fetches;
    },
    get malformed() {
      return malformed;
    },
    get failures() {
      return failures;
    },
    resetCount: () => {
      fetches = 0;
    },
    close: () => {
      closed = true;
      clearTimeout(timer);
      sse.close();
      agent.destroy();
    },
  };
}

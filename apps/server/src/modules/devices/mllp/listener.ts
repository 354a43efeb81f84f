/**
 * The MLLP listener for bedside monitors (off unless `PLASTICITY_MLLP_PORT` is set; see config.ts): a TCP
 * server; on each connection the frames (framer.ts) are handled one after another, in order, and each gets
 * its ACK on the same connection before the next is read (MLLP is a request/acknowledgement protocol).
 *
 * It never crashes on input: bytes outside frames are dropped, a frame over `maxFrameBytes` is answered AR
 * and discarded, a message that cannot be read is answered AR, and a failure while storing is answered AE
 * (receive-oru.ts never throws; the socket's own errors only end that connection). A connection silent for
 * `idleMs` is closed (monitors reconnect). Closing stops accepting, lets messages being stored finish (their
 * ACKs are sent), then ends every connection.
 */
import net from 'node:net';
import { describeError } from '../../../platform/jobs.ts';
import type { ModuleContext } from '../../../platform/module.ts';
import { buildAck } from '../hl7/ack.ts';
import { receiveOru } from '../receive-oru.ts';
import { frame, MllpFramer } from './framer.ts';

export interface MllpOptions {
  port: number;
  host: string;
  maxFrameBytes: number;
  idleMs?: number;
}

/** Frames waiting on one connection before it stops reading (TCP then slows the sender). */
const MAX_PENDING = 64;

export interface MllpListener {
  port: number;
  close(): Promise<void>;
  /** Counters for tests and diagnostics. */
  stats: { connections: number; messages: number; tooLarge: number; discardedBytes: number };
}

export async function startMllpListener(ctx: ModuleContext, opts: MllpOptions): Promise<MllpListener> {
  const stats = { connections: 0, messages: 0, tooLarge: 0, discardedBytes: 0 };
  const open = new Set<{ socket: net.Socket; idle: () => Promise<void> }>();
  const server = net.createServer((socket) => {
    stats.connections += 1;
    const framer = new MllpFramer(opts.maxFrameBytes);
    let chain: Promise<void> = Promise.resolve();
    let pending = 0;
    const entry = { socket, idle: () => chain };
    open.add(entry);
    socket.setNoDelay(true);
    socket.setTimeout(opts.idleMs ?? 10 * 60_000, () => socket.destroy());
    // A reset or a write after the peer left ends this connection only.
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      open.delete(entry);
      stats.discardedBytes += framer.discarded;
    });
    socket.on('data', (data: Buffer) => {
      for (const ev of framer.push(data)) {
        pending += 1;
        if (pending >= MAX_PENDING) socket.pause();
        chain = chain.then(async () => {
          try {
            let ack: string;
            if (ev.kind === 'too_large') {
              stats.tooLarge += 1;
              ack = buildAck(null, {
                ack: 'AR',
                errorCode: '100',
                reason: `message larger than ${opts.maxFrameBytes} bytes`,
              });
            } else {
              stats.messages += 1;
              ack = await receiveOru(ctx, ev.text, socket.remoteAddress ?? null);
            }
            if (!socket.destroyed) socket.write(frame(ack));
          } catch (e) {
            // Nothing above is expected to throw; if it does, this connection ends and the listener goes on.
            ctx.log.error({ source: 'mllp', ...describeError(e) }, 'MLLP connection failed');
            socket.destroy();
          } finally {
            pending -= 1;
            if (pending < MAX_PENDING && socket.isPaused()) socket.resume();
          }
        });
      }
    });
  });
  server.maxConnections = 500;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // Errors after listening (e.g. too many open files on accept) are logged; the server keeps listening.
  server.on('error', (e) => ctx.log.error({ source: 'mllp', errName: e.name }, 'MLLP listener error'));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    stats,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all([...open].map((c) => c.idle()));
      for (const c of open) c.socket.end();
      for (const c of open) c.socket.destroy();
      await closed;
    },
  };
}

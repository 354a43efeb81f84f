/**
 * The mail a clinic's recipients receive, for tests that act as the recipient: delivers the clinic's
 * queued messages through the real sender (which mints each one-time token as it hands the text over)
 * into memory. Only the given clinic's messages, so test files sharing one database never spend each
 * other's links.
 */
import { sendPending } from '../modules/measurement/outbox.ts';
import type { TestApp } from './harness.ts';

export interface Delivered {
  to: string;
  subject: string;
  text: string;
  /** Attachments' file names and contents. */
  attachments: { filename: string; contentType: string; content: string }[];
}

export async function deliverMail(h: TestApp, clinicId: string): Promise<Delivered[]> {
  const out: Delivered[] = [];
  await sendPending(
    h.built.ctx,
    {
      async sendMail(m) {
        out.push({ to: m.to, subject: m.subject, text: m.text, attachments: m.attachments ?? [] });
      },
    },
    500,
    clinicId,
  );
  return out;
}

/** The one-time link in a delivered text (`/accept/…`, `/r/…` or `/c/…`), or throws. */
export function linkIn(text: string, path: 'accept' | 'r' | 'c'): string {
  const m = text.match(new RegExp(`\\S*/${path}/[A-Za-z0-9_-]+`));
  if (!m) throw new Error(`no /${path}/ link in the message`);
  return m[0];
}

/** The token of the link in a delivered text. */
export const tokenIn = (text: string, path: 'accept' | 'r' | 'c') =>
  linkIn(text, path).split(`/${path}/`)[1] ?? '';

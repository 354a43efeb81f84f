/**
 * Minimal Lower Layer Protocol framing (HL7 v2 implementation guide, appendix C "MLLP", release 2): a message
 * is sent as <VT 0x0B> message <FS 0x1C><CR 0x0D>. The HL7 library used here parses messages but its codec
 * neither splits several frames arriving in one read nor bounds a frame's size, so this small framer does
 * both: bytes outside a frame are dropped (counted), each complete frame is handed over in order, and a frame
 * growing past `maxBytes` before its end marker is reported once as too large and discarded up to its end.
 */
export const START = 0x0b;
export const END = 0x1c;
export const CR = 0x0d;

export type FrameEvent = { kind: 'message'; text: string } | { kind: 'too_large' };

export class MllpFramer {
  #chunks: Buffer[] = [];
  #size = 0;
  #inFrame = false;
  #skippingOversized = false;
  /** The last read ended right after FS: its CR may open the next read. */
  #crDue = false;
  /** Bytes seen outside any frame (line noise, a sender without framing). */
  discarded = 0;

  constructor(private readonly maxBytes: number) {}

  /** Feeds bytes from the socket; returns the frames they completed, in order. */
  push(data: Buffer): FrameEvent[] {
    const out: FrameEvent[] = [];
    let i = 0;
    if (this.#crDue && data[0] === CR) i = 1;
    this.#crDue = false;
    while (i < data.length) {
      if (!this.#inFrame) {
        const start = data.indexOf(START, i);
        if (start < 0) {
          this.discarded += data.length - i;
          break;
        }
        this.discarded += start - i;
        this.#inFrame = true;
        this.#skippingOversized = false;
        this.#chunks = [];
        this.#size = 0;
        i = start + 1;
        continue;
      }
      const end = data.indexOf(END, i);
      const stop = end < 0 ? data.length : end;
      this.#append(data.subarray(i, stop), out);
      if (end < 0) break;
      // FS ends the frame; the CR after it is expected and skipped when present.
      i = end + 1;
      if (i === data.length) this.#crDue = true;
      else if (data[i] === CR) i += 1;
      this.#inFrame = false;
      if (!this.#skippingOversized)
        out.push({ kind: 'message', text: Buffer.concat(this.#chunks).toString('utf8') });
      this.#chunks = [];
      this.#size = 0;
    }
    return out;
  }

  #append(part: Buffer, out: FrameEvent[]) {
    if (this.#skippingOversized || part.length === 0) return;
    if (this.#size + part.length > this.maxBytes) {
      this.#skippingOversized = true;
      this.#chunks = [];
      this.#size = 0;
      out.push({ kind: 'too_large' });
      return;
    }
    this.#chunks.push(Buffer.from(part));
    this.#size += part.length;
  }
}

/** Frames an outgoing message (the ACK). */
export function frame(text: string): Buffer {
  return Buffer.concat([Buffer.from([START]), Buffer.from(text, 'utf8'), Buffer.from([END, CR])]);
}

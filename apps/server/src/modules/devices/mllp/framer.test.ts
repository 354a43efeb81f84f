import { describe, expect, it } from 'vitest';
import { type FrameEvent, frame, MllpFramer } from './framer.ts';

const VT = [0x0b];
const FS_CR = [0x1c, 0x0d];
const b = (...parts: Array<string | number[]>) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));
const texts = (evs: FrameEvent[]) => evs.map((e) => (e.kind === 'message' ? e.text : '<too large>'));

describe('MLLP framing (VT … FS CR)', () => {
  it.each([
    ['one frame', [b(VT, 'MSH|A', FS_CR)], ['MSH|A'], 0],
    ['two frames in one read', [b(VT, 'A', FS_CR, VT, 'B', FS_CR)], ['A', 'B'], 0],
    ['a frame split across reads', [b(VT, 'MS'), b('H|'), b('A', [0x1c]), b([0x0d])], ['MSH|A'], 0],
    [
      'bytes before and between frames are dropped',
      [b('noise', VT, 'A', FS_CR, 'xy', VT, 'B', FS_CR)],
      ['A', 'B'],
      7,
    ],
    ['FS without CR still ends the frame', [b(VT, 'A', [0x1c], VT, 'B', FS_CR)], ['A', 'B'], 0],
    ['no start block: nothing', [b('MSH|A', FS_CR)], [], 7],
    ['a truncated frame waits', [b(VT, 'MSH|A')], [], 0],
    ['UTF-8 text across a read boundary', [b(VT, [0xc3]), b([0xa9], FS_CR)], ['é'], 0],
    ['exactly the limit', [b(VT, 'x'.repeat(16), FS_CR)], ['x'.repeat(16)], 0],
    ['one byte over the limit', [b(VT, 'x'.repeat(17), FS_CR, VT, 'ok', FS_CR)], ['<too large>', 'ok'], 0],
    [
      'over the limit across reads: reported once',
      [b(VT, 'x'.repeat(10)), b('x'.repeat(10)), b('x'.repeat(10), FS_CR)],
      ['<too large>'],
      0,
    ],
  ] as const)('%s', (_name, reads, expected, discarded) => {
    const f = new MllpFramer(16);
    const out = reads.flatMap((r) => f.push(r));
    expect(texts(out)).toEqual(expected);
    expect(f.discarded).toBe(discarded);
  });

  it('frames an outgoing message', () => {
    expect([...frame('A')]).toEqual([0x0b, 0x41, 0x1c, 0x0d]);
  });
});

import { describe, expect, it } from 'vitest';
import { buildOru, ETCO2, hl7Time, NIBP, PULSE, RESP, SPO2 } from '../test/monitor.ts';
import { parseOru } from './oru.ts';

const at = new Date('2026-12-07T10:00:00Z');
const received = new Date('2026-12-07T10:00:30Z');
const oru = (observations: Parameters<typeof buildOru>[0]['observations'], extra = {}) =>
  parseOru(buildOru({ controlId: 'C1', deviceId: '0123456789ABCDEF', at, observations, ...extra }), received);

describe('IHE PCD-01 ORU^R01 → readings (MDC codes, ISO/IEEE 11073-10101)', () => {
  it.each([
    ['SpO2 150456', [SPO2(88)], { spo2: 88 }],
    ['pulse rate 149530 as heart rate', [PULSE(72)], { hr: 72 }],
    [
      'ECG heart rate 147842 wins over pulse rate',
      [PULSE(72), { ...PULSE(75), code: '147842', refId: 'MDC_ECG_HEART_RATE' }],
      { hr: 75 },
    ],
    ['NIBP 150021/150022; mean 150023 not kept', NIBP(120, 80, 93), { sbp: 120, dbp: 80 }],
    ['respiratory rate 151562', [RESP(12)], { rr: 12 }],
    ['EtCO2 151708', [ETCO2(35)], { etco2: 35 }],
    ['EtCO2 151728', [ETCO2(36, '151728')], { etco2: 36 }],
    [
      'an unknown code is ignored',
      [SPO2(97), { code: '188736', refId: 'MDC_MASS_BODY_ACTUAL', value: 70 }],
      { spo2: 97 },
    ],
    ['status X is skipped', [SPO2(97), { ...RESP(3), status: 'X' }], { spo2: 97 }],
  ] as const)('%s', (_name, observations, expected) => {
    const r = oru([...observations]);
    expect(r).toMatchObject({ ok: true, deviceId: '0123456789ABCDEF', header: { controlId: 'C1' } });
    expect(r.ok && r.readings).toEqual([{ at: at.toISOString(), ...expected }]);
  });

  it('takes PV1-3 when no OBX-18 is sent, and the time of receipt without a UTC offset', () => {
    const r = parseOru(
      buildOru({ controlId: 'C2', pointOfCare: 'BED-4', at, observations: [SPO2(96)] }).replace(
        new RegExp(hl7Time(at).replace('+', '\\+'), 'g'),
        hl7Time(at).slice(0, 14),
      ),
      received,
    );
    expect(r).toMatchObject({
      ok: true,
      deviceId: 'BED-4',
      readings: [{ at: received.toISOString(), spo2: 96 }],
    });
  });

  it.each([
    ['no device identifier', { deviceId: undefined }, [SPO2(97)], 'AE', '101'],
    ['not a number', {}, [{ ...SPO2(1), value: 'n/a' }], 'AE', '102'],
    ['an impossible value', {}, [SPO2(101)], 'AE', '102'],
    [
      'a unit not expected',
      {},
      [{ ...SPO2(97), unit: ['266016', 'MDC_DIM_MMHG'] as [string, string] }],
      'AE',
      '102',
    ],
    ['another message type', { messageType: ['ADT', 'A01'] }, [SPO2(97)], 'AR', '200'],
  ] as const)('refuses %s', (_name, extra, observations, ack, code) => {
    const r = oru([...observations], extra);
    expect(r).toMatchObject({ ok: false, refusal: { ack, errorCode: code } });
  });

  it.each(['', 'garbage', '\u0000\u0001\u0002', 'MSH'])('rejects unreadable text %j with AR', (text) => {
    const r = parseOru(text, received);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.refusal.ack).toBe('AR');
  });

  it.each([
    ['no PID segment', null, []],
    ['PID-3 empty', undefined, []],
    ['an MRN (CX-5 MR)', ['MRN-0042', 'MR'], ['MRN-0042']],
    ['an identifier without a type', ['MRN-0042', ''], ['MRN-0042']],
    ['a social security number (SS) is not an MRN', ['123-45-6789', 'SS'], []],
  ] as const)('reads the MRNs PID-3 names: %s', (_name, patientId, mrns) => {
    const r = oru([SPO2(97)], { patientId });
    expect(r.ok && r.patientMrns).toEqual(mrns);
  });
});

/**
 * A bedside monitor for tests and the benchmark: builds IHE PCD-01 ORU^R01 messages with the HL7 library
 * (`node-hl7-client`'s builder, never hand-written strings) and sends them over a TCP connection in MLLP
 * frames, reading each ACK back through the same library's parser.
 */
import net from 'node:net';
import { Message } from 'node-hl7-client';
import { HL7_2_6 } from 'node-hl7-client/hl7';
import { frame, MllpFramer } from '../mllp/framer.ts';

/** One OBX: MDC code and reference id (OBX-3), value (OBX-5), unit (OBX-6 as MDC code and reference id). */
export interface Observation {
  code: string;
  refId: string;
  value: string | number;
  unit?: [string, string];
  status?: string;
}

export const SPO2 = (v: number): Observation => ({
  code: '150456',
  refId: 'MDC_PULS_OXIM_SAT_O2',
  value: v,
  unit: ['262688', 'MDC_DIM_PERCENT'],
});
export const PULSE = (v: number): Observation => ({
  code: '149530',
  refId: 'MDC_PULS_OXIM_PULS_RATE',
  value: v,
  unit: ['264864', 'MDC_DIM_BEAT_PER_MIN'],
});
export const NIBP = (sys: number, dia: number, mean: number): Observation[] =>
  (
    [
      ['150021', 'MDC_PRESS_BLD_NONINV_SYS', sys],
      ['150022', 'MDC_PRESS_BLD_NONINV_DIA', dia],
      ['150023', 'MDC_PRESS_BLD_NONINV_MEAN', mean],
    ] as const
  ).map(([code, refId, value]) => ({ code, refId, value, unit: ['266016', 'MDC_DIM_MMHG'] }));
export const RESP = (v: number): Observation => ({
  code: '151562',
  refId: 'MDC_RESP_RATE',
  value: v,
  unit: ['264928', 'MDC_DIM_RESP_PER_MIN'],
});
export const ETCO2 = (v: number, code = '151708'): Observation => ({
  code,
  refId: 'MDC_CONC_AWAY_CO2_ET',
  value: v,
  unit: ['266016', 'MDC_DIM_MMHG'],
});

/** HL7 DTM with a UTC offset: YYYYMMDDHHMMSS+0000. */
export const hl7Time = (d: Date) => `${d.toISOString().replace(/[-:T]/g, '').slice(0, 14)}+0000`;

export interface OruSpec {
  controlId: string;
  /** OBX-18 of the device row (the monitor's EUI-64); omitted to test PV1-3. */
  deviceId?: string;
  pointOfCare?: string;
  at: Date;
  observations: Observation[];
  messageType?: [string, string];
  /**
   * PID-3 as [ID number (CX-1), identifier type code (CX-5)]; omitted: PID with PID-3 empty; `null`: no PID
   * segment at all.
   */
  patientId?: [string, string] | null;
}

/** An ORU^R01 as IHE PCD-01 shapes it: MSH, PID, PV1, OBR, an MDS device OBX, then one OBX per metric. */
export function buildOru(spec: OruSpec): string {
  const [code, trigger] = spec.messageType ?? ['ORU', 'R01'];
  const m = new Message({
    specification: new HL7_2_6(),
    messageHeader: {
      msh_9_1: code,
      msh_9_2: trigger,
      msh_9_3: `${code}_${trigger}`,
      msh_10: spec.controlId,
      msh_11_1: 'P',
    },
  });
  m.set('MSH.3.1', 'TEST_MONITOR');
  m.set('MSH.5.1', 'PLASTICITY');
  m.set('MSH.21.1', 'IHE_PCD_001');
  if (spec.patientId !== null) {
    const pid = m.addSegment('PID');
    if (spec.patientId) {
      pid.set('3.1', spec.patientId[0]);
      if (spec.patientId[1]) pid.set('3.5', spec.patientId[1]);
    }
  }
  const pv1 = m.addSegment('PV1');
  pv1.set('2', 'O');
  if (spec.pointOfCare) pv1.set('3.1', spec.pointOfCare);
  const obr = m.addSegment('OBR');
  obr.set('1', '1');
  obr.set('3.1', spec.controlId);
  obr.set('4.1', '182777000');
  obr.set('4.2', 'monitoring of patient');
  obr.set('4.3', 'SCT');
  obr.set('7.1', hl7Time(spec.at));
  const mds = m.addSegment('OBX');
  mds.set('1', '1');
  mds.set('3.1', '69965');
  mds.set('3.2', 'MDC_DEV_MON_PHYSIO_MULTI_PARAM_MDS');
  mds.set('3.3', 'MDC');
  mds.set('4', '1.0.0.0');
  mds.set('11', 'X');
  if (spec.deviceId) {
    mds.set('18.1', spec.deviceId);
    mds.set('18.2', 'EUI-64');
  }
  spec.observations.forEach((o, i) => {
    const obx = m.addSegment('OBX');
    obx.set('1', String(i + 2));
    obx.set('2', 'NM');
    obx.set('3.1', o.code);
    obx.set('3.2', o.refId);
    obx.set('3.3', 'MDC');
    obx.set('4', `1.0.${i + 1}.1`);
    obx.set('5', String(o.value));
    if (o.unit) {
      obx.set('6.1', o.unit[0]);
      obx.set('6.2', o.unit[1]);
      obx.set('6.3', 'MDC');
    }
    obx.set('11', o.status ?? 'R');
    obx.set('14.1', hl7Time(spec.at));
  });
  return m.toString();
}

export interface Ack {
  code: string;
  controlId: string;
  text: string;
  errorCode: string;
}

export const readAck = (text: string): Ack => {
  const m = new Message({ text });
  return {
    code: m.get('MSA.1').toString(),
    controlId: m.get('MSA.2').toString(),
    text: m.get('MSA.3').toString(),
    errorCode: m.exists('ERR') ? m.get('ERR.3.1').toString() : '',
  };
};

/** One monitor connection: `send` frames a message and resolves with its ACK. */
export class MonitorConnection {
  readonly #framer = new MllpFramer(16 * 1_048_576);
  readonly #waiting: Array<(ack: string) => void> = [];
  readonly #acks: string[] = [];
  closed = false;

  private constructor(readonly socket: net.Socket) {
    socket.on('data', (d: Buffer) => {
      for (const ev of this.#framer.push(d)) {
        if (ev.kind !== 'message') continue;
        const w = this.#waiting.shift();
        if (w) w(ev.text);
        else this.#acks.push(ev.text);
      }
    });
    socket.on('close', () => {
      this.closed = true;
    });
  }

  static open(port: number): Promise<MonitorConnection> {
    return new Promise((resolve, reject) => {
      const s = net.connect({ port, host: '127.0.0.1' }, () => resolve(new MonitorConnection(s)));
      s.once('error', reject);
    });
  }

  /** The next ACK (already received or future). */
  nextAck(timeoutMs = 10_000): Promise<Ack> {
    const ready = this.#acks.shift();
    if (ready !== undefined) return Promise.resolve(readAck(ready));
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('no ACK within the time allowed')), timeoutMs);
      this.#waiting.push((text) => {
        clearTimeout(t);
        resolve(readAck(text));
      });
    });
  }

  send(text: string): Promise<Ack> {
    this.socket.write(frame(text));
    return this.nextAck();
  }

  writeRaw(bytes: Buffer) {
    this.socket.write(bytes);
  }

  close() {
    this.socket.destroy();
  }
}

/**
 * Reads an ORU^R01 message as IHE PCD-01 sends it (IHE PCD Technical Framework, Vol. 2, DEC transaction
 * PCD-01 "Communicate PCD Data"; HL7 v2.6 chapter 7) with the `node-hl7-client` parser: the message control
 * id (MSH-10), the device identifier — the first component of OBX-18 (Equipment Instance Identifier, the
 * monitor's EUI-64 in PCD-01), or when no OBX carries one the point of care PV1-3 (first component) — and the
 * numeric observations this product keeps (`mdc-codes.ts`), grouped into one reading per observation time.
 *
 * The patient: the medical record numbers PID-3 carries (`recordNumbers`), for the receiver to check against the
 * patient in session in the device's chair; none when the message has no PID or an empty PID-3.
 *
 * An observation's time is OBX-14, else OBR-7; a time without a UTC offset (or none at all) is taken as the
 * time of receipt, since the sender's zone is unknown. Observations with result status X (cannot be
 * obtained), D (deleted) or W (wrong) are skipped; a message with no observation kept gives no readings
 * (acknowledged, nothing stored). Refusals say why, for the ACK (see ack.ts).
 */
import { type VitalReadingInput, VitalReadingInput as VitalReadingSchema } from '@plasticity/contracts';
import { type HL7Node, Message } from 'node-hl7-client';
import { mdcMapping, unitFits, type VitalKey } from './mdc-codes.ts';

export interface Hl7Header {
  controlId: string;
  sendingApplication: string;
  sendingFacility: string;
  receivingApplication: string;
  receivingFacility: string;
  processingId: string;
  version: string;
}

/** Why a message was not stored: AR (rejected: not a message this receiver takes) or AE (application error). */
export interface Refusal {
  ack: 'AE' | 'AR';
  /** HL7 table 0357 message error condition code (ERR-3). */
  errorCode: '100' | '101' | '102' | '200' | '204' | '207';
  reason: string;
}

export type ParsedOru =
  | {
      ok: true;
      header: Hl7Header;
      deviceId: string;
      /** The MRNs PID-3 names (`recordNumbers`); empty when the message names no patient. */
      patientMrns: string[];
      readings: VitalReadingInput[];
    }
  | { ok: false; header: Hl7Header | null; refusal: Refusal };

const SKIPPED_STATUSES = new Set(['X', 'D', 'W']);
const NUMBER = /^[+-]?\d+(\.\d+)?$/;
const WITH_OFFSET = /^\d{8,14}(\.\d{1,4})?[+-]\d{4}$/;

const refuse = (header: Hl7Header | null, refusal: Refusal): ParsedOru => ({ ok: false, header, refusal });
const str = (n: HL7Node, path: string): string => n.get(path).toString().trim();

/** Segments of the message with this name, in order. */
function segments(m: Message, name: string): HL7Node[] {
  const out: HL7Node[] = [];
  if (!m.exists(name)) return out;
  m.get(name).forEach((s) => {
    out.push(s);
  });
  return out;
}

/**
 * The medical record numbers a message names: from each PID's PID-3 (Patient Identifier List, data type CX;
 * HL7 v2.6 chapter 3, section 3.4.2.3), every repetition's ID number (CX-1) whose identifier type code (CX-5,
 * HL7 table 0203) is MR (medical record number) or not given. Identifiers of other types (SS, PI, AN…) are not
 * MRNs and cannot be checked against one. IHE PCD-01 (PCD TF-2, PID segment) lets a monitor that has not been
 * associated with a patient send PID-3 empty: then there is nothing to check.
 */
function recordNumbers(m: Message): string[] {
  const out: string[] = [];
  for (const pid of segments(m, 'PID')) {
    if (!pid.exists('3')) continue;
    pid.get('3').forEach((cx) => {
      const id = str(cx, '1');
      const type = str(cx, '5').toUpperCase();
      if (id && (type === '' || type === 'MR')) out.push(id);
    });
  }
  return out;
}

/** Parses the message text (segments separated by CR; LF and CRLF are accepted as well). */
export function parseOru(text: string, receivedAt: Date): ParsedOru {
  let m: Message;
  try {
    m = new Message({ text: text.replace(/\r\n|\n/g, '\r').replace(/\r+$/, '') });
  } catch {
    return refuse(null, { ack: 'AR', errorCode: '100', reason: 'not an HL7 v2 message (no MSH segment)' });
  }
  let header: Hl7Header;
  try {
    header = {
      controlId: str(m, 'MSH.10'),
      sendingApplication: str(m, 'MSH.3.1'),
      sendingFacility: str(m, 'MSH.4.1'),
      receivingApplication: str(m, 'MSH.5.1'),
      receivingFacility: str(m, 'MSH.6.1'),
      processingId: str(m, 'MSH.11.1'),
      version: str(m, 'MSH.12.1'),
    };
  } catch {
    return refuse(null, { ack: 'AR', errorCode: '100', reason: 'the MSH segment cannot be read' });
  }
  try {
    return readOru(m, header, receivedAt);
  } catch {
    return refuse(header, { ack: 'AR', errorCode: '102', reason: 'the message cannot be read' });
  }
}

function readOru(m: Message, header: Hl7Header, receivedAt: Date): ParsedOru {
  if (!header.controlId)
    return refuse(header, { ack: 'AR', errorCode: '101', reason: 'MSH-10 (message control id) is empty' });
  if (header.controlId.length > 199)
    return refuse(header, { ack: 'AR', errorCode: '102', reason: 'MSH-10 (message control id) is too long' });
  const type = `${str(m, 'MSH.9.1')}^${str(m, 'MSH.9.2')}`;
  if (type !== 'ORU^R01')
    return refuse(header, {
      ack: 'AR',
      errorCode: '200',
      reason: `message type ${type.replace(/[^A-Za-z0-9^_]/g, '').slice(0, 20)} is not accepted; only ORU^R01`,
    });
  const obxs = segments(m, 'OBX');
  const deviceId =
    obxs.map((o) => str(o, '18.1')).find((d) => d !== '') ?? (m.exists('PV1') ? str(m, 'PV1.3.1') : '');
  if (!deviceId)
    return refuse(header, {
      ack: 'AE',
      errorCode: '101',
      reason: 'no device identifier: OBX-18 and PV1-3 are empty',
    });
  const obrTime = m.exists('OBR') ? str(m, 'OBR.7.1') : '';
  const byTime = new Map<
    string,
    { reading: Record<string, number>; rank: Partial<Record<VitalKey, number>> }
  >();
  for (const [i, o] of obxs.entries()) {
    const where = `OBX ${str(o, '1') || i + 1}`;
    const map = mdcMapping(str(o, '3.1'));
    if (!map?.vital || SKIPPED_STATUSES.has(str(o, '11').toUpperCase())) continue;
    const raw = str(o, '5');
    if (!NUMBER.test(raw))
      return refuse(header, { ack: 'AE', errorCode: '102', reason: `${where}: OBX-5 is not a number` });
    if (!unitFits(map, { id: str(o, '6.1'), text: str(o, '6.2') }))
      return refuse(header, {
        ack: 'AE',
        errorCode: '102',
        reason: `${where}: OBX-6 unit is not the one expected`,
      });
    const own = str(o, '14.1');
    const stamp = own || obrTime;
    const at = WITH_OFFSET.test(stamp)
      ? (own ? o.get('14.1') : m.get('OBR.7.1')).toDate()
      : new Date(receivedAt);
    if (Number.isNaN(at.getTime()))
      return refuse(header, {
        ack: 'AE',
        errorCode: '102',
        reason: `${where}: the observation time is not valid`,
      });
    const key = at.toISOString();
    const slot = byTime.get(key) ?? { reading: {}, rank: {} };
    byTime.set(key, slot);
    const prev = slot.rank[map.vital];
    if (prev === undefined || map.rank < prev) {
      slot.reading[map.vital] = Number(raw);
      slot.rank[map.vital] = map.rank;
    }
  }
  const readings: VitalReadingInput[] = [];
  for (const [at, slot] of [...byTime].sort(([a], [b]) => a.localeCompare(b))) {
    const parsed = VitalReadingSchema.safeParse({ at, ...slot.reading });
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path.join('.') || 'reading';
      return refuse(header, {
        ack: 'AE',
        errorCode: '102',
        reason: `${field} at ${at} is outside the possible range`,
      });
    }
    readings.push(parsed.data);
  }
  return { ok: true, header, deviceId, patientMrns: recordNumbers(m), readings };
}

/**
 * The acknowledgement of each message (HL7 v2.6 chapter 2, original acknowledgement mode; IHE PCD-01 expects
 * an ACK^R01 for every ORU^R01), built with the `node-hl7-client` builder: MSH with sender and receiver
 * swapped, MSA-1 the code (AA stored, AE application error, AR rejected), MSA-2 the message's control id,
 * MSA-3 the reason in words; for AE/AR also ERR-3 (HL7 table 0357 code) and ERR-4 severity E. Reasons never
 * hold patient data.
 */
import { randomUUID } from 'node:crypto';
import { Message } from 'node-hl7-client';
import { HL7_2_6 } from 'node-hl7-client/hl7';
import type { Hl7Header, Refusal } from './oru.ts';

export const RECEIVER = 'PLASTICITY';

/** Text of the ACK (segments separated by CR), for MLLP framing. */
export function buildAck(header: Hl7Header | null, answer: { ack: 'AA'; text: string } | Refusal): string {
  const msg = new Message({
    specification: new HL7_2_6(),
    messageHeader: {
      msh_9_1: 'ACK',
      msh_9_2: 'R01',
      msh_9_3: 'ACK',
      msh_10: randomUUID().replace(/-/g, '').slice(0, 20),
      msh_11_1: header?.processingId === 'T' || header?.processingId === 'D' ? header.processingId : 'P',
    },
  });
  msg.set('MSH.3.1', header?.receivingApplication || RECEIVER);
  if (header?.receivingFacility) msg.set('MSH.4.1', header.receivingFacility);
  if (header?.sendingApplication) msg.set('MSH.5.1', header.sendingApplication);
  if (header?.sendingFacility) msg.set('MSH.6.1', header.sendingFacility);
  const msa = msg.addSegment('MSA');
  msa.set('1', answer.ack);
  msa.set('2', header?.controlId ?? '');
  msa.set('3', 'reason' in answer ? answer.reason : answer.text);
  if ('reason' in answer) {
    const err = msg.addSegment('ERR');
    err.set('3.1', answer.errorCode);
    err.set('3.2', answer.reason);
    err.set('3.3', 'HL70357');
    err.set('4', 'E');
  }
  return msg.toString();
}

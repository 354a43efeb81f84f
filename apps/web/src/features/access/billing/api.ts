/** Typed calls of the billing API (schemas from @plasticity/contracts). */
import {
  type AddChargeRequest,
  Balance,
  Charge,
  ChargeList,
  Payment,
  PaymentList,
  PriceList,
  type RecordPaymentRequest,
  RenderingClinician,
  RenderingClinicianList,
  type SetPriceRequest,
} from '@plasticity/contracts';
import { request, send } from '../../../api/client.ts';

const p = (id: string) => `/api/v1/patients/${encodeURIComponent(id)}`;

export const getPrices = (signal?: AbortSignal) => request('GET', '/api/v1/prices', PriceList, { signal });
export const setPrice = (body: SetPriceRequest) => request('POST', '/api/v1/prices', PriceList, { body });

export const getClinicians = (signal?: AbortSignal) =>
  request('GET', '/api/v1/billing/clinicians', RenderingClinicianList, { signal }).then((r) => r.items);
export const setClinicianNpi = (id: string, npi: string | null) =>
  request('PUT', `/api/v1/billing/clinicians/${encodeURIComponent(id)}/npi`, RenderingClinician, {
    body: { npi },
  });

export const getCharges = (patientId: string, signal?: AbortSignal) =>
  request('GET', `${p(patientId)}/charges`, ChargeList, { signal }).then((r) => r.items);
export const addCharge = (patientId: string, body: AddChargeRequest) =>
  request('POST', `${p(patientId)}/charges`, Charge, { body });
export const voidCharge = (patientId: string, chargeId: string, reason: string) =>
  request('POST', `${p(patientId)}/charges/${encodeURIComponent(chargeId)}/void`, Charge, {
    body: { reason },
  });

export const getPayments = (patientId: string, signal?: AbortSignal) =>
  request('GET', `${p(patientId)}/payments`, PaymentList, { signal }).then((r) => r.items);
export const recordPayment = (patientId: string, body: RecordPaymentRequest) =>
  request('POST', `${p(patientId)}/payments`, Payment, { body });
export const voidPayment = (patientId: string, paymentId: string, reason: string) =>
  request('POST', `${p(patientId)}/payments/${encodeURIComponent(paymentId)}/void`, Payment, {
    body: { reason },
  });

export const getBalance = (patientId: string, signal?: AbortSignal) =>
  request('GET', `${p(patientId)}/balance`, Balance, { signal });

/** Saves a fetched file under a name without patient data. */
function save(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function downloadSuperbill(patientId: string, from: string, to: string): Promise<void> {
  const res = await send('GET', `${p(patientId)}/superbill.pdf`, { query: { from, to } });
  save(await res.blob(), `superbill-${from}-${to}.pdf`);
}

export async function downloadReceipt(paymentId: string): Promise<void> {
  const res = await send('GET', `/api/v1/payments/${encodeURIComponent(paymentId)}/receipt.pdf`);
  save(await res.blob(), 'receipt.pdf');
}

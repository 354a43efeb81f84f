import {
  type CreatePatientRequest as CreateBody,
  CreatePatientRequest,
  type Patient,
  type UpdatePatientRequest as UpdateBody,
  UpdatePatientRequest,
} from '@plasticity/contracts';
import type { FieldErrors } from '../../api/errors.ts';
import { blankToUndefined, issuesToFieldErrors } from '../../ui/forms.ts';

/** Form state is flat strings keyed by the same dotted paths the API uses for field errors. */
const ADDRESS_KEYS = [
  'address.line1',
  'address.line2',
  'address.city',
  'address.state',
  'address.postalCode',
  'address.country',
] as const;
const CONTACT_KEYS = [
  'emergencyContact.name',
  'emergencyContact.phone',
  'emergencyContact.relationship',
] as const;
const FIELD_KEYS = [
  'firstName',
  'lastName',
  'dateOfBirth',
  'sex',
  'mrn',
  'phone',
  'email',
  ...ADDRESS_KEYS,
  ...CONTACT_KEYS,
] as const;

export type FieldKey = (typeof FIELD_KEYS)[number];

/** Field keys each form shows, so errors for anything else can go in the alert instead. */
export const SHOWN_FIELDS_CREATE: readonly string[] = FIELD_KEYS;
export const SHOWN_FIELDS_EDIT: readonly string[] = FIELD_KEYS.filter((key) => key !== 'mrn');
export type PatientFormValues = Record<FieldKey, string>;

export const emptyPatientForm = (): PatientFormValues =>
  Object.fromEntries(FIELD_KEYS.map((key) => [key, ''])) as PatientFormValues;

export function formFromPatient(p: Patient): PatientFormValues {
  return {
    firstName: p.firstName,
    lastName: p.lastName,
    dateOfBirth: p.dateOfBirth,
    sex: p.sex,
    mrn: p.mrn,
    phone: p.phone ?? '',
    email: p.email ?? '',
    'address.line1': p.address?.line1 ?? '',
    'address.line2': p.address?.line2 ?? '',
    'address.city': p.address?.city ?? '',
    'address.state': p.address?.state ?? '',
    'address.postalCode': p.address?.postalCode ?? '',
    'address.country': p.address?.country ?? '',
    'emergencyContact.name': p.emergencyContact?.name ?? '',
    'emergencyContact.phone': p.emergencyContact?.phone ?? '',
    'emergencyContact.relationship': p.emergencyContact?.relationship ?? '',
  };
}

const allBlank = (v: PatientFormValues, keys: readonly FieldKey[]) => keys.every((k) => v[k].trim() === '');

function address(v: PatientFormValues) {
  if (allBlank(v, ADDRESS_KEYS)) return undefined;
  return {
    line1: v['address.line1'].trim(),
    line2: blankToUndefined(v['address.line2']),
    city: v['address.city'].trim(),
    state: v['address.state'].trim(),
    postalCode: v['address.postalCode'].trim(),
    country: blankToUndefined(v['address.country']),
  };
}

function emergencyContact(v: PatientFormValues) {
  if (allBlank(v, CONTACT_KEYS)) return undefined;
  return {
    name: v['emergencyContact.name'].trim(),
    phone: v['emergencyContact.phone'].trim(),
    relationship: blankToUndefined(v['emergencyContact.relationship']),
  };
}

/** The create body: blank optional fields and wholly blank groups are left out. */
export function toCreateBody(v: PatientFormValues): CreateBody {
  const body = {
    firstName: v.firstName.trim(),
    lastName: v.lastName.trim(),
    dateOfBirth: v.dateOfBirth.trim(),
    sex: v.sex as CreateBody['sex'],
    mrn: blankToUndefined(v.mrn),
    phone: blankToUndefined(v.phone),
    email: blankToUndefined(v.email),
    address: address(v),
    emergencyContact: emergencyContact(v),
  };
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined)) as CreateBody;
}

/** Every editable field as PATCH would send it (cleared optional fields become null). */
function toFullUpdate(v: PatientFormValues) {
  return {
    firstName: v.firstName.trim(),
    lastName: v.lastName.trim(),
    dateOfBirth: v.dateOfBirth.trim(),
    sex: v.sex as CreateBody['sex'],
    phone: blankToUndefined(v.phone) ?? null,
    email: blankToUndefined(v.email) ?? null,
    address: address(v) ?? null,
    emergencyContact: emergencyContact(v) ?? null,
  };
}

/** The PATCH body: only the fields that differ from the record as loaded (empty when unchanged). */
export function toUpdateBody(initial: PatientFormValues, v: PatientFormValues): UpdateBody {
  const before = toFullUpdate(initial);
  const after = toFullUpdate(v);
  const changed: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof typeof after)[]) {
    if (JSON.stringify(after[key]) !== JSON.stringify(before[key])) changed[key] = after[key];
  }
  return changed as UpdateBody;
}

/** Same rules as the server (the contract schemas), checked before sending. */
export function validateCreate(body: CreateBody): FieldErrors {
  const result = CreatePatientRequest.safeParse(body);
  return result.success ? {} : issuesToFieldErrors(result.error.issues);
}

export function validateUpdate(body: UpdateBody): FieldErrors {
  if (Object.keys(body).length === 0) return {};
  const result = UpdatePatientRequest.safeParse(body);
  return result.success ? {} : issuesToFieldErrors(result.error.issues);
}

import { z } from 'zod';
import { IsoDate, Uuid } from './common.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

export const Address = z.object({
  line1: text(200),
  line2: z.string().trim().max(200).optional(),
  city: text(100),
  state: text(50),
  postalCode: text(20),
  country: z.string().trim().max(60).optional(),
});

export const EmergencyContact = z.object({
  name: text(200),
  phone: text(40),
  relationship: z.string().trim().max(100).optional(),
});

export const Sex = z.enum(['female', 'male', 'other', 'unknown']);

const PatientFields = {
  firstName: text(100),
  lastName: text(100),
  dateOfBirth: IsoDate.refine(
    (s) => s <= new Date().toISOString().slice(0, 10),
    'cannot be in the future',
  ).refine((s) => s >= '1900-01-01', 'is before 1900'),
  sex: Sex,
  phone: z
    .string()
    .trim()
    .max(40)
    .regex(/^[0-9+().\-\s]*$/, 'may contain only digits, spaces and + ( ) - .')
    .optional(),
  email: z.string().trim().toLowerCase().pipe(z.email()).optional(),
  address: Address.optional(),
  emergencyContact: EmergencyContact.optional(),
};

export const CreatePatientRequest = z.object({ ...PatientFields, mrn: text(40).optional() }).strict();
export type CreatePatientRequest = z.infer<typeof CreatePatientRequest>;

export const UpdatePatientRequest = z
  .object({
    ...PatientFields,
    phone: PatientFields.phone.nullable(),
    email: PatientFields.email.nullable(),
    address: Address.nullable().optional(),
    emergencyContact: EmergencyContact.nullable().optional(),
  })
  .partial()
  .strict()
  .refine((o) => Object.keys(o).length > 0, 'must change at least one field');
export type UpdatePatientRequest = z.infer<typeof UpdatePatientRequest>;

export const Patient = z.object({
  id: Uuid,
  mrn: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  dateOfBirth: z.string(),
  sex: Sex,
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: Address.nullable(),
  emergencyContact: EmergencyContact.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Patient = z.infer<typeof Patient>;

/** The most patients one page of the list or a search answers (and the default page size). */
export const PATIENT_PAGE_MAX = 50;

/**
 * `GET /api/v1/patients`: the clinic's patients in name order, or those a search matches, one page at a time.
 * `after` is the `nextCursor` of the previous page (a patient id: no name ever goes into a URL).
 */
export const PatientListQuery = z.object({
  query: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(PATIENT_PAGE_MAX).default(PATIENT_PAGE_MAX),
  after: Uuid.optional(),
});
export const PatientList = z.object({
  items: z.array(Patient),
  /** Pass as `after` for the next page; null on the last page. */
  nextCursor: Uuid.nullable(),
});

import {
  EducationPage,
  EducationPageList,
  EducationReadResult,
  PatientEducation,
  PortalAftercare,
  type SaveEducationPageRequest,
} from '@plasticity/contracts';
import type { z } from 'zod';
import { request } from '../../api/client.ts';

export type EducationPageT = z.output<typeof EducationPage>;
export type PatientEducationItemT = z.output<typeof PatientEducation>['items'][number];
export type SaveEducationPageT = z.input<typeof SaveEducationPageRequest>;

const page = (slug: string) => `/api/v1/education/${encodeURIComponent(slug)}`;

export const listEducationPages = (signal?: AbortSignal) =>
  request('GET', '/api/v1/education', EducationPageList, { signal }).then((r) => r.items);

export const getEducationPage = (slug: string, signal?: AbortSignal) =>
  request('GET', page(slug), EducationPage, { signal });

export const markEducationRead = (slug: string, version: number) =>
  request('POST', `${page(slug)}/read`, EducationReadResult, { body: { version } });

export const saveEducationPage = (slug: string, body: SaveEducationPageT) =>
  request('PUT', page(slug), EducationPage, { body });

export const getPatientEducation = (patientId: string, signal?: AbortSignal) =>
  request('GET', `/api/v1/patients/${encodeURIComponent(patientId)}/education`, PatientEducation, {
    signal,
  }).then((r) => r.items);

export const getAftercare = (signal?: AbortSignal) =>
  request('GET', '/api/v1/portal/aftercare', PortalAftercare, { signal });

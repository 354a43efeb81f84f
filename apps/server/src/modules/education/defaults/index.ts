/** The product-written default education pages, in reading order (docs/clinical-sources.md#patient-education). */
import { WHAT_A_SESSION_FEELS_LIKE, WHAT_KETAMINE_DOES } from './about-treatment.ts';
import { AFTER_YOUR_SESSION, WHAT_INTEGRATION_IS } from './integration.ts';
import { STAYING_SAFE } from './safety.ts';
import type { DefaultEducationPage } from './types.ts';

export const DEFAULT_EDUCATION_PAGES: readonly DefaultEducationPage[] = [
  WHAT_KETAMINE_DOES,
  WHAT_A_SESSION_FEELS_LIKE,
  STAYING_SAFE,
  WHAT_INTEGRATION_IS,
  AFTER_YOUR_SESSION,
];

/** The page the after-care sheet shows (the clinic's current version of it). */
export const AFTERCARE_SLUG = AFTER_YOUR_SESSION.slug;

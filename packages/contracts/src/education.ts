/**
 * API shapes of patient education: the clinic's versioned pages (product-written defaults the clinic may
 * edit), which versions a patient has read, and the after-care sheet of the patient's last session.
 * Bodies are plain text: lines starting "## " are headings, blank lines separate paragraphs; never HTML.
 */
import { z } from 'zod';
import { Uuid } from './common.ts';

export const EducationTopic = z.enum(['treatment', 'session', 'safety', 'integration', 'aftercare']);
export type EducationTopic = z.infer<typeof EducationTopic>;
/** What each topic is called on screens. */
export const EDUCATION_TOPIC_LABELS: Readonly<Record<EducationTopic, string>> = {
  treatment: 'About the treatment',
  session: 'Your session',
  safety: 'Safety',
  integration: 'Integration',
  aftercare: 'After your session',
};

/** A page's stable name in its address: lower-case words joined by hyphens ("what-a-session-feels-like"). */
export const EducationSlug = z
  .string()
  .max(60)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case letters and digits joined by hyphens');
export const EducationSlugParams = z.object({ slug: EducationSlug });

/** What the signed-in patient last read of a page; `current` when that was the page's current version. */
export const EducationRead = z.object({
  version: z.number().int(),
  readAt: z.string(),
  current: z.boolean(),
});
export type EducationRead = z.infer<typeof EducationRead>;

export const EducationPageSummary = z.object({
  slug: EducationSlug,
  version: z.number().int(),
  title: z.string(),
  summary: z.string(),
  topic: EducationTopic,
  sortOrder: z.number().int(),
  updatedAt: z.string(),
  /** For a patient: their newest read of this page (null when never read). Always null for staff. */
  read: EducationRead.nullable(),
});
export type EducationPageSummary = z.infer<typeof EducationPageSummary>;
export const EducationPageList = z.object({ items: z.array(EducationPageSummary) });
export type EducationPageList = z.infer<typeof EducationPageList>;

export const EducationPageVersion = z.object({
  version: z.number().int(),
  title: z.string(),
  status: z.enum(['current', 'superseded']),
  editedByName: z.string().nullable(),
  changeNote: z.string().nullable(),
  createdAt: z.string(),
});
export type EducationPageVersion = z.infer<typeof EducationPageVersion>;

export const EducationPage = EducationPageSummary.extend({
  body: z.string(),
  editedByName: z.string().nullable(),
  changeNote: z.string().nullable(),
  /** Every version, newest first, for staff; empty for patients. */
  versions: z.array(EducationPageVersion),
});
export type EducationPage = z.infer<typeof EducationPage>;

const text = (max: number) => z.string().trim().min(1).max(max);

/** A new version of a page (or version 1 of a new page): admin and prescriber. */
export const SaveEducationPageRequest = z
  .object({
    title: text(120),
    summary: z.string().trim().max(400),
    body: text(20_000),
    topic: EducationTopic,
    sortOrder: z.number().int().min(0).max(1000).optional(),
    changeNote: z.string().trim().max(400).optional(),
  })
  .strict();
export type SaveEducationPageRequest = z.infer<typeof SaveEducationPageRequest>;

/** The version the patient had on screen (the current one when omitted). */
export const MarkEducationReadRequest = z.object({ version: z.number().int().min(1).optional() }).strict();
export const EducationReadResult = z.object({
  slug: EducationSlug,
  version: z.number().int(),
  readAt: z.string(),
  current: z.boolean(),
});
export type EducationReadResult = z.infer<typeof EducationReadResult>;

/** A patient's read state per current page (the chart and the patient themself). */
export const PatientEducationItem = z.object({
  slug: EducationSlug,
  title: z.string(),
  topic: EducationTopic,
  currentVersion: z.number().int(),
  readVersion: z.number().int().nullable(),
  readAt: z.string().nullable(),
  readCurrent: z.boolean(),
});
export type PatientEducationItem = z.infer<typeof PatientEducationItem>;
export const PatientEducation = z.object({ items: z.array(PatientEducationItem) });
export type PatientEducation = z.infer<typeof PatientEducation>;

/** The after-care sheet: the patient's last discharged dosing session and the clinic's after-care page. */
export const PortalAftercare = z.object({
  session: z.object({ id: Uuid, startedAt: z.string().nullable(), dischargedAt: z.string() }).nullable(),
  page: EducationPage.nullable(),
});
export type PortalAftercare = z.infer<typeof PortalAftercare>;

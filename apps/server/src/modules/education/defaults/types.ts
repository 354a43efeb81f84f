/** The shape of a product-written default education page (seeded as version 1 in each clinic). */
import type { EducationTopic } from '@plasticity/contracts';

export interface DefaultEducationPage {
  slug: string;
  title: string;
  summary: string;
  topic: EducationTopic;
  sortOrder: number;
  /** Plain text: "## " headings, blank-line paragraphs, "- " list lines. */
  body: string;
}

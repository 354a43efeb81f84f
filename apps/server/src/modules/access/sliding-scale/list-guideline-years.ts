/**
 * GET /api/v1/access/sliding-scale/guideline-years — the poverty guideline years the clinic can use: the
 * product's shipped years (docs/clinical-sources.md#hhs-poverty-guidelines) and those its admin added (which
 * replace a shipped year of the same number), oldest first. Any staff role. 200 PovertyGuidelineYearList. Public
 * figures, no patient data: not audited.
 */
import { SHIPPED_POVERTY_GUIDELINES } from '@plasticity/clinical/sliding-scale';
import { PovertyGuidelineYearList, type PovertyGuidelineYearView } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { authOf } from '../../../platform/request-context.ts';
import { addedGuidelineYears, clinicYearView } from './guideline-tables.ts';
import { ANY_STAFF } from './policies.ts';

export function listGuidelineYearsRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/access/sliding-scale/guideline-years',
    {
      config: { policy: ANY_STAFF },
      schema: { response: { 200: PovertyGuidelineYearList }, tags: ['sliding-scale'] },
    },
    async (req) => {
      const added = await addedGuidelineYears(ctx.db, authOf(req).clinicId);
      const items: PovertyGuidelineYearView[] = [
        ...SHIPPED_POVERTY_GUIDELINES.filter((s) => !added.some((r) => r.year === s.year)).map((s) => ({
          ...s,
          contiguous: [...s.contiguous],
          source: 'shipped' as const,
          addedAt: null,
        })),
        ...added.map(clinicYearView),
      ];
      return { items: items.sort((x, y) => x.year - y.year) };
    },
  );
}

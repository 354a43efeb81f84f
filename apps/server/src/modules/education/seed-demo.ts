/**
 * Demo education for Fresh Start Ketamine: the default pages (version 1), a second version of the
 * after-care page edited by the prescriber (so the editor shows a history), and reads for the portal
 * patient — three pages read, one of them in the superseded version, so the portal shows "updated since
 * you read it". Deterministic (times from ctx.clock).
 */
import type { ModuleContext } from '../../platform/module.ts';
import type { DemoSeedInfo } from '../../seed/demo.ts';
import { AFTER_YOUR_SESSION } from './defaults/integration.ts';
import { STAYING_SAFE } from './defaults/safety.ts';
import { ensureEducationPages } from './ensure-pages.ts';

const DAY_MS = 86_400_000;

const CLINIC_NOTE =
  '\n\n## At Fresh Start Ketamine\nIf you need us after hours, call the clinic number on your appointment: the answering service reaches the clinician on call.';

export async function seedEducationDemo(ctx: ModuleContext, info: DemoSeedInfo): Promise<void> {
  const now = ctx.clock.now().getTime();
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY_MS);
  const portal = info.patientIds.portal;
  await ctx.db.transaction().execute(async (trx) => {
    await ensureEducationPages(trx, info.clinicId);
    await trx
      .updateTable('education_pages')
      .set({ created_at: at(30) })
      .where('clinic_id', '=', info.clinicId)
      .execute();
    await trx
      .updateTable('education_pages')
      .set({ status: 'superseded' })
      .where('clinic_id', '=', info.clinicId)
      .where('slug', '=', AFTER_YOUR_SESSION.slug)
      .execute();
    await trx
      .insertInto('education_pages')
      .values({
        clinic_id: info.clinicId,
        slug: AFTER_YOUR_SESSION.slug,
        version: 2,
        title: AFTER_YOUR_SESSION.title,
        summary: AFTER_YOUR_SESSION.summary,
        body: `${AFTER_YOUR_SESSION.body}${CLINIC_NOTE}`,
        topic: AFTER_YOUR_SESSION.topic,
        sort_order: AFTER_YOUR_SESSION.sortOrder,
        status: 'current',
        change_note: 'Added how to reach the clinician on call after hours.',
        edited_by: info.userIds.prescriber ?? null,
        created_at: at(5),
      })
      .execute();
    if (!portal) return;
    await trx
      .insertInto('education_reads')
      .values(
        [
          { slug: 'what-ketamine-and-esketamine-do', version: 1, daysAgo: 21 },
          { slug: STAYING_SAFE.slug, version: 1, daysAgo: 21 },
          { slug: AFTER_YOUR_SESSION.slug, version: 1, daysAgo: 14 },
        ].map((r) => ({
          clinic_id: info.clinicId,
          patient_id: portal,
          page_slug: r.slug,
          page_version: r.version,
          read_at: at(r.daysAgo),
        })),
      )
      .execute();
  });
}

/** Registers this part's routes (one operation per file beside this one). */
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { bookCourseRoute } from './book-course.ts';
import { listCoursePlansRoute } from './list-course-plans.ts';
import { proposeCourseRoute } from './propose-course.ts';

export function courseRoutes(app: ZodApp, ctx: ModuleContext): void {
  proposeCourseRoute(app, ctx);
  bookCourseRoute(app, ctx);
  listCoursePlansRoute(app, ctx);
}

import type { Patient, Role } from '@plasticity/contracts';
import type { ComponentType } from 'react';
import { matchPath, type Params } from './paths.ts';

/**
 * The feature registry. A feature folder (`src/features/<name>/register.ts`) calls
 * `registerFeature({...})` to contribute navigation items, routes and patient-chart tabs; the
 * shell, the route table and the chart read from here and are never edited for a new feature.
 * Every `register.ts` is discovered by `src/app/features.ts`.
 */

type Access = readonly Role[];

export interface NavItemDef {
  id: string;
  label: string;
  /** Path the item opens; it is "active" for this path and anything below it. */
  path: string;
  roles: Access;
  icon?: ComponentType<{ size?: number | string; stroke?: number }>;
  /** Lower first; ties keep registration order. */
  order?: number;
}

export interface RouteProps {
  params: Params;
}

export interface RouteDef {
  id: string;
  /** Path pattern with `:param` segments, e.g. `/patients/:id/:tab`. */
  path: string;
  /** Roles that may open it, or 'public' for pages reachable without signing in. */
  roles: Access | 'public';
  /** Document title (no patient data: it shows in tab strips and history). */
  title: string;
  component: ComponentType<RouteProps>;
}

export interface ChartTabProps {
  patient: Patient;
  /** Call with the updated record after a successful save, so the header refreshes. */
  onPatientChange: (patient: Patient) => void;
}

export interface ChartTabDef {
  /** Appears in the URL (`/patients/:id/<id>`): use a plain word, never patient data. */
  id: string;
  label: string;
  roles: Access;
  order?: number;
  component: ComponentType<ChartTabProps>;
}

/** A strip shown above every staff page for the roles given (e.g. open safety alerts). */
export interface ShellBannerDef {
  id: string;
  roles: Access;
  order?: number;
  component: ComponentType;
}

export interface FeatureDef {
  /** Unique; registering the same id again replaces the earlier registration (hot reload, tests). */
  id: string;
  nav?: NavItemDef[];
  routes?: RouteDef[];
  chartTabs?: ChartTabDef[];
  shellBanners?: ShellBannerDef[];
}

const features = new Map<string, FeatureDef>();

export function registerFeature(feature: FeatureDef): void {
  features.set(feature.id, feature);
}

/** Test helper: forget one feature (or all). */
export function unregisterFeature(id?: string): void {
  if (id === undefined) features.clear();
  else features.delete(id);
}

const byOrder = <T extends { order?: number }>(items: T[]): T[] =>
  items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => (a.item.order ?? 100) - (b.item.order ?? 100) || a.index - b.index)
    .map(({ item }) => item);

const allNav = (): NavItemDef[] => [...features.values()].flatMap((f) => f.nav ?? []);
const allRoutes = (): RouteDef[] => [...features.values()].flatMap((f) => f.routes ?? []);
const allChartTabs = (): ChartTabDef[] => [...features.values()].flatMap((f) => f.chartTabs ?? []);

/** Every registered route (any role), for checks that visit every page (e2e/page-text.ts). */
export function routeTable(): readonly RouteDef[] {
  return allRoutes();
}

/** Every registered chart tab (any role). */
export function chartTabTable(): readonly ChartTabDef[] {
  return allChartTabs();
}

export function navFor(role: Role): NavItemDef[] {
  return byOrder(allNav().filter((item) => item.roles.includes(role)));
}

export function shellBannersFor(role: Role): ShellBannerDef[] {
  return byOrder(
    [...features.values()].flatMap((f) => f.shellBanners ?? []).filter((b) => b.roles.includes(role)),
  );
}

export function chartTabsFor(role: Role): ChartTabDef[] {
  return byOrder(allChartTabs().filter((tab) => tab.roles.includes(role)));
}

export interface RouteMatch {
  route: RouteDef;
  params: Params;
}

/** First route matching the path that the role may open (`role` null = signed out: public only). */
export function matchRoute(pathname: string, role: Role | null): RouteMatch | null {
  for (const route of allRoutes()) {
    const allowed = route.roles === 'public' || (role !== null && route.roles.includes(role));
    if (!allowed) continue;
    const params = matchPath(route.path, pathname);
    if (params) return { route, params };
  }
  return null;
}

/** Whether some route (for any role) has this path: tells "not allowed" from "no such page". */
export function routeExists(pathname: string): boolean {
  return allRoutes().some((route) => matchPath(route.path, pathname) !== null);
}

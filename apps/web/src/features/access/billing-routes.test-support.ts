/**
 * Mock answers for everything the chart's Billing tab loads, empty: a test of one card in the tab spreads these
 * first and overrides the routes it is about.
 */
export function emptyBillingTab(patientId: string) {
  return {
    [`GET /api/v1/patients/${patientId}/charges`]: { body: { items: [] } },
    [`GET /api/v1/patients/${patientId}/payments`]: { body: { items: [] } },
    [`GET /api/v1/patients/${patientId}/balance`]: {
      body: { chargedCents: 0, paidCents: 0, balanceCents: 0 },
    },
    [`GET /api/v1/patients/${patientId}/sliding-scale`]: { body: { items: [], activeId: null } },
    [`GET /api/v1/patients/${patientId}/estimates`]: {
      body: { coverage: null, items: [] },
    },
    'GET /api/v1/access/sliding-scale/guideline-years': { body: { items: [] } },
    'GET /api/v1/prices': { body: { current: [], items: [] } },
  };
}

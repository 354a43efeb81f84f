/** Shared request bodies of the good-faith estimate tests: an induction course of six IV infusions. */
export const COURSE_LINES = [
  {
    serviceCode: '96365',
    description: 'IV infusion, first hour (ketamine)',
    diagnosisCodes: ['F33.2'],
    quantity: 6,
    unitChargeCents: 45_000,
  },
  {
    serviceCode: '99214',
    description: 'Office visit before the course',
    diagnosisCodes: ['F33.2'],
    quantity: 1,
    unitChargeCents: 25_000,
  },
];

export const estimateBody = (over: Record<string, unknown> = {}) => ({
  primaryService: 'Induction course of six IV ketamine infusions',
  trigger: 'scheduled',
  periodFrom: '2030-01-01',
  periodTo: '2030-06-30',
  lines: COURSE_LINES,
  ...over,
});

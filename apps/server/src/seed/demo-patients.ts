/**
 * Clearly fictional demo patients for Fresh Start Ketamine: names from no real person, phone
 * numbers in the 555-01xx range reserved for fiction, emails under example.org (RFC 2606).
 * Each `story` says what the later modules seed for them (scores, plans, sessions).
 */
export interface DemoPatient {
  key: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  sex: 'female' | 'male' | 'other' | 'unknown';
  phone: string;
  email: string;
  city: string;
  story:
    | 'responder'
    | 'remitter'
    | 'non_responder'
    | 'new_referral'
    | 'esketamine'
    | 'kap_ptsd'
    | 'aud'
    | 'anxiety';
}

export const DEMO_PATIENTS: DemoPatient[] = [
  {
    key: 'portal',
    firstName: 'Jordan',
    lastName: 'Demoreaux',
    dateOfBirth: '1988-04-12',
    sex: 'other',
    phone: '919-555-0101',
    email: 'patient@freshstart.example',
    city: 'Raleigh',
    story: 'responder',
  },
  {
    key: 'p2',
    firstName: 'Avery',
    lastName: 'Fictionel',
    dateOfBirth: '1979-09-30',
    sex: 'female',
    phone: '919-555-0102',
    email: 'avery.fictionel@example.org',
    city: 'Cary',
    story: 'remitter',
  },
  {
    key: 'p3',
    firstName: 'Morgan',
    lastName: 'Testwell',
    dateOfBirth: '1965-02-03',
    sex: 'male',
    phone: '919-555-0103',
    email: 'morgan.testwell@example.org',
    city: 'Durham',
    story: 'non_responder',
  },
  {
    key: 'p4',
    firstName: 'Riley',
    lastName: 'Samplestone',
    dateOfBirth: '1993-11-21',
    sex: 'female',
    phone: '919-555-0104',
    email: 'riley.samplestone@example.org',
    city: 'Raleigh',
    story: 'esketamine',
  },
  {
    key: 'p5',
    firstName: 'Casey',
    lastName: 'Placeholder',
    dateOfBirth: '1984-06-08',
    sex: 'male',
    phone: '919-555-0105',
    email: 'casey.placeholder@example.org',
    city: 'Apex',
    story: 'kap_ptsd',
  },
  {
    key: 'p6',
    firstName: 'Quinn',
    lastName: 'Mockingford',
    dateOfBirth: '1971-01-17',
    sex: 'female',
    phone: '919-555-0106',
    email: 'quinn.mockingford@example.org',
    city: 'Wake Forest',
    story: 'aud',
  },
  {
    key: 'p7',
    firstName: 'Harper',
    lastName: 'Notareal',
    dateOfBirth: '2000-07-25',
    sex: 'female',
    phone: '919-555-0107',
    email: 'harper.notareal@example.org',
    city: 'Garner',
    story: 'anxiety',
  },
  {
    key: 'p8',
    firstName: 'Emerson',
    lastName: 'Dummyfield',
    dateOfBirth: '1958-12-02',
    sex: 'male',
    phone: '919-555-0108',
    email: 'emerson.dummyfield@example.org',
    city: 'Raleigh',
    story: 'responder',
  },
  {
    key: 'p9',
    firstName: 'Rowan',
    lastName: 'Examplar',
    dateOfBirth: '1990-03-14',
    sex: 'unknown',
    phone: '919-555-0109',
    email: 'rowan.examplar@example.org',
    city: 'Knightdale',
    story: 'new_referral',
  },
  {
    key: 'p10',
    firstName: 'Sage',
    lastName: 'Fakenham',
    dateOfBirth: '1976-10-09',
    sex: 'female',
    phone: '919-555-0110',
    email: 'sage.fakenham@example.org',
    city: 'Morrisville',
    story: 'remitter',
  },
  {
    key: 'p11',
    firstName: 'Dakota',
    lastName: 'Pretendly',
    dateOfBirth: '1982-05-28',
    sex: 'male',
    phone: '919-555-0111',
    email: 'dakota.pretendly@example.org',
    city: 'Raleigh',
    story: 'non_responder',
  },
  {
    key: 'p12',
    firstName: 'Elliot',
    lastName: 'Synthwood',
    dateOfBirth: '1995-08-19',
    sex: 'male',
    phone: '919-555-0112',
    email: 'elliot.synthwood@example.org',
    city: 'Holly Springs',
    story: 'esketamine',
  },
];

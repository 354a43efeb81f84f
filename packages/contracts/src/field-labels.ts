/**
 * Words for the contracts' field names, for every message a person reads: the web's error display
 * (beside a field, or listed when no field on the page shows it) and server messages that name a field.
 * Keyed by the contract field path without `body.`/`query.`/`params.` and without array indexes
 * (`mgPerKg`, `address.postalCode`, `override.verifierEmail`); a path not listed falls back to its last
 * segment, then to the field name split into words, so no camelCase ever reaches a screen.
 */

export const FIELD_LABELS: Readonly<Record<string, string>> = {
  // People and contact details
  firstName: 'First name',
  lastName: 'Last name',
  dateOfBirth: 'Date of birth',
  sex: 'Sex',
  email: 'Email',
  phone: 'Phone',
  displayName: 'Name',
  password: 'Password',
  role: 'Role',
  mrn: 'Medical record number',
  emergencyContact: 'Emergency contact',
  'emergencyContact.name': 'Emergency contact name',
  'emergencyContact.phone': 'Emergency contact phone',
  'emergencyContact.relationship': 'Emergency contact relationship',
  // Chairs and their bedside monitors
  deviceId: 'Monitoring device',
  vitalIds: 'Readings',
  // Good-faith estimates
  primaryService: 'Primary service',
  trigger: 'Reason for the estimate',
  appointmentId: 'Appointment',
  scheduledOn: 'Scheduled date',
  requestedOn: 'Date requested',
  periodFrom: 'Covers from',
  periodTo: 'Covers to',
  lines: 'Items and services',
  'lines.serviceCode': 'Service code',
  'lines.description': 'Description',
  'lines.diagnosisCodes': 'Diagnosis codes',
  'lines.quantity': 'Quantity',
  'lines.unitChargeCents': 'Charge each',
  'lines.providerUserId': 'Provider',
  'lines.providerNpi': 'Provider NPI',
  'lines.providerTin': 'Provider TIN',
  // Preparation visit
  intentions: 'Intentions',
  supportPerson: 'Support person',
  'supportPerson.name': 'Support person',
  'supportPerson.relationship': 'Relationship',
  'supportPerson.phone': 'Support person phone',
  address: 'Address',
  'address.line1': 'Street address',
  'address.line2': 'Address line 2',
  'address.city': 'City',
  'address.state': 'State',
  'address.postalCode': 'ZIP code',
  line1: 'Street address',
  line2: 'Address line 2',
  city: 'City',
  state: 'State',
  postalCode: 'ZIP code',
  // Clinic settings
  name: 'Name',
  timeZone: 'Time zone',
  mfaRequiredRoles: 'Roles that must use two-step verification',
  idleTimeoutMin: 'Idle timeout',
  absoluteLifetimeHours: 'Session lifetime',
  clinicDeviceSelfReport: 'Forms on a clinic device',
  clinicDeviceConsent: 'Consent on a clinic device',
  deaNumber: 'DEA registration number',
  npi: 'NPI',
  tin: 'Tax identification number (TIN)',
  // Sign-in and links
  token: 'Link',
  code: 'Code',
  csrfToken: 'Page security token',
  // Measurement
  instrumentId: 'Form',
  instruments: 'Forms',
  answers: 'Answers',
  takenAt: 'Date taken',
  dueAt: 'Due',
  // Intake, eligibility, consent
  weightKg: 'Weight (kg)',
  heightCm: 'Height (cm)',
  weightMeasuredAt: 'Time the weight was measured',
  'measurements.weightKg': 'Weight (kg)',
  'measurements.weightMeasuredAt': 'Time the weight was measured',
  failedAntidepressantTrials: 'Failed antidepressant trials',
  documentId: 'Consent document',
  typedName: 'Typed name',
  textSha256: 'Document text',
  agree: 'Agreement',
  reason: 'Reason',
  // Plans and dosing
  protocolId: 'Protocol',
  planId: 'Treatment plan',
  eligibilityDecisionId: 'Eligibility decision',
  plannedSessions: 'Planned sessions',
  indication: 'Indication',
  mgPerKg: 'Dose per kg',
  fixedMg: 'Fixed dose (mg)',
  doseMg: 'Dose (mg)',
  volumeMl: 'Volume (mL)',
  bagVolumeMl: 'Bag volume (mL)',
  rateMlPerHour: 'Rate (mL per hour)',
  durationMin: 'Duration (minutes)',
  concentrationMgPerMl: 'Concentration (mg per mL)',
  route: 'Route',
  overrideReason: 'Override reason',
  override: 'Override',
  'override.reason': 'Override reason',
  'override.verifierEmail': 'Verifying clinician’s email',
  'override.verifierPassword': 'Verifying clinician’s password',
  'override.verifierTotp': 'Verifying clinician’s code',
  verifierEmail: 'Verifying clinician’s email',
  verifierPassword: 'Verifying clinician’s password',
  verifierTotp: 'Verifying clinician’s code',
  // Sessions
  startedAt: 'Start time',
  stoppedAt: 'Stop time',
  endedAt: 'End time',
  administeredAt: 'Time given',
  measuredAt: 'Time measured',
  recordedAt: 'Time recorded',
  occurredAt: 'Time it happened',
  sbp: 'Systolic blood pressure',
  dbp: 'Diastolic blood pressure',
  hr: 'Heart rate',
  spo2: 'Oxygen saturation',
  rr: 'Respiratory rate',
  tempC: 'Temperature (°C)',
  escortName: 'Escort’s name',
  escortPhone: 'Escort’s phone',
  prescriberOnSiteId: 'Prescriber on site',
  note: 'Note',
  status: 'Status',
  lot: 'Lot number',
  drawnMl: 'Volume drawn (mL)',
  wasteWitness: 'Waste witness',
  wasteReason: 'Waste reason',
  treatmentDate: 'Treatment date',
  settingAddress: 'Setting address',
  monitoringClinician: 'Monitoring clinician',
  readyToLeaveMin: 'Minutes until ready to leave',
  // Controlled substances
  containerId: 'Container',
  productId: 'Product',
  locationId: 'Location',
  fromLocationId: 'From location',
  toLocationId: 'To location',
  supplierId: 'Supplier',
  patientId: 'Patient',
  quantity: 'Quantity',
  expiresOn: 'Expiry date',
  witnessUserId: 'Witness',
  witness2UserId: 'Second witness',
  witnessName: 'Witness’s name',
  discoveredAt: 'Time of discovery',
  occurredOn: 'Date it happened',
  typeOfLoss: 'Type of loss',
  typeOfLossExplanation: 'Explanation of the type of loss',
  purchaseValueUsd: 'Purchase value (USD)',
  registrantPhone: 'Registrant’s phone',
  policeNotified: 'Police notified',
  discrepancyId: 'Discrepancy',
  ndc: 'NDC',
  // Notes
  body: 'Text',
  sessionId: 'Dosing session',
  successorId: 'Successor',
  sections: 'Integration template',
  'sections.experience': 'Experience and themes',
  'sections.insights': 'Insights',
  'sections.intentions': 'Intentions revisited',
  'sections.actions': 'Actions for daily life',
  'sections.moodRisk': 'Mood and risk check',
  'sections.plan': 'Plan',
  q: 'Search words',
  // Journal and mood check-in
  promptId: 'Prompt',
  shared: 'Share with my care team',
  score: 'Mood',
  phase: 'When to offer it',
  protocolKey: 'Protocol',
  sortOrder: 'Order',
  // Sliding scale
  householdSize: 'Household size',
  annualIncome: 'Annual household income',
  annualIncomeCents: 'Annual household income',
  year: 'Guideline year',
  evidence: 'Evidence seen',
  approve: 'Approval',
  tiers: 'Tiers',
  maxPercent: 'Up to percent of poverty',
  discountPercent: 'Discount',
  assessmentValidMonths: 'Months an assessment is valid',
  citation: 'Citation',
  contiguous: '48 states and DC, 1 to 8 persons',
  contiguousExtra: '48 states and DC, each extra person',
  alaskaOne: 'Alaska, 1 person',
  alaskaExtra: 'Alaska, each extra person',
  hawaiiOne: 'Hawaii, 1 person',
  hawaiiExtra: 'Hawaii, each extra person',
  // Audit report
  from: 'From',
  to: 'To',
  userId: 'User',
  action: 'Action',
};

/** `mgPerKg` → "mg per kg", `line_1` → "line 1": the last resort for a field nobody labelled. */
export function wordsOf(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .replace(/[_.]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The words for a field path as a server or a form names it (`body.override.verifierEmail`,
 * `/lines/0/containerId`, `answers[8]`).
 * @example fieldLabel('body.mgPerKg') // 'Dose per kg'
 */
export function fieldLabel(path: string): string {
  const key = path
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/\//g, '.')
    .replace(/^\.+/, '')
    .replace(/^(body|query|params)(\.|$)/, '');
  const segments = key.split('.').filter((s) => s !== '' && !/^\d+$/.test(s));
  if (segments.length === 0) return 'This request';
  for (let i = 0; i < segments.length; i++) {
    const label = FIELD_LABELS[segments.slice(i).join('.')];
    if (label) return label;
  }
  return wordsOf(segments[segments.length - 1] as string);
}

/**
 * A message that may contain field names (`is before startedAt`) with each known name in words
 * ("is before start time"). Only names in the table are replaced, as whole words.
 */
export function messageInWords(message: string): string {
  return message.replace(/\b[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)+\b/g, (name) => {
    const label = FIELD_LABELS[name];
    if (!label) return name;
    // Lower-case the first letter of ordinary words, never of an acronym (DEA, NPI).
    return /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
  });
}

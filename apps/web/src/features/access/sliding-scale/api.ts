/** Typed calls of the sliding-scale API (schemas from @plasticity/contracts). */
import {
  type AddPovertyGuidelineYearRequest,
  type AssessmentEnteredInErrorRequest,
  type CreateSlidingScaleAssessmentRequest,
  type EvaluateSlidingScaleRequest,
  PovertyGuidelineYearList,
  PovertyGuidelineYearView,
  type SaveSlidingScaleTiersRequest,
  SlidingScaleAssessmentList,
  SlidingScaleEvaluation,
  SlidingScaleTierSet,
  SlidingScaleTierSets,
} from '@plasticity/contracts';
import { request } from '../../../api/client.ts';

const enc = encodeURIComponent;
const BASE = '/api/v1/access/sliding-scale';

export const evaluateHousehold = (body: EvaluateSlidingScaleRequest) =>
  request('POST', `${BASE}/evaluate`, SlidingScaleEvaluation, { body });
export const getTiers = (signal?: AbortSignal) =>
  request('GET', `${BASE}/tiers`, SlidingScaleTierSets, { signal });
export const saveTiers = (body: SaveSlidingScaleTiersRequest) =>
  request('PUT', `${BASE}/tiers`, SlidingScaleTierSet, { body });
export const listGuidelineYears = (signal?: AbortSignal) =>
  request('GET', `${BASE}/guideline-years`, PovertyGuidelineYearList, { signal }).then((r) => r.items);
export const addGuidelineYear = (body: AddPovertyGuidelineYearRequest) =>
  request('POST', `${BASE}/guideline-years`, PovertyGuidelineYearView, { body });

export const listAssessments = (patientId: string, signal?: AbortSignal) =>
  request('GET', `/api/v1/patients/${enc(patientId)}/sliding-scale`, SlidingScaleAssessmentList, { signal });
export const createAssessment = ({
  patientId,
  ...body
}: CreateSlidingScaleAssessmentRequest & { patientId: string }) =>
  request('POST', `/api/v1/patients/${enc(patientId)}/sliding-scale`, SlidingScaleAssessmentList, { body });
export const markAssessmentEnteredInError = ({
  patientId,
  assessmentId,
  ...body
}: AssessmentEnteredInErrorRequest & { patientId: string; assessmentId: string }) =>
  request(
    'POST',
    `/api/v1/patients/${enc(patientId)}/sliding-scale/${enc(assessmentId)}/entered-in-error`,
    SlidingScaleAssessmentList,
    { body },
  );

import type { ChartTabProps } from '../../../app/registry.ts';
import { SlidingScaleCard } from './SlidingScaleCard.tsx';

/** The chart's sliding-scale tab: the card alone until the billing tab hosts it. */
export function SlidingScaleTab({ patient }: ChartTabProps) {
  return <SlidingScaleCard patientId={patient.id} />;
}

import type { ChartTabProps } from '../../../app/registry.ts';
import { EstimatesCard } from './EstimatesCard.tsx';

/** Chart tab "Estimates" (staff): the good-faith estimates card on its own until a billing tab holds it. */
export function EstimatesTab({ patient }: ChartTabProps) {
  return <EstimatesCard patientId={patient.id} />;
}

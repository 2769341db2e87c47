import type { DecisionView } from '@circlewise/shared/decision';
import type { Seated } from '@circlewise/shared/meeting';

export interface StageProps {
  view: Seated<DecisionView>;
  /** This phone's participant id. */
  me: string;
}

import type { DecisionView } from '@circlewise/shared/decision';

export interface StageProps {
  view: DecisionView;
  /** This phone's participant id. */
  me: string;
}

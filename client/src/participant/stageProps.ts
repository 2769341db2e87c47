import type { MeetingView } from '@circlewise/shared/view';

export interface StageProps {
  view: MeetingView;
  /** This phone's participant id. */
  me: string;
}

import { STAGE_LABELS } from '@circlewise/shared/constants';
import { useMeeting } from '../store/MeetingContext';

/** Screen readers hear each stage change (the visible heading changes silently otherwise). */
export function StageAnnouncer() {
  const stage = useMeeting((s) => s.view?.stage);
  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true">
      {stage ? `Stage: ${STAGE_LABELS[stage]}` : ''}
    </div>
  );
}

import { STAGE_LABELS } from '@circlewise/shared/constants';
import { useMeeting } from '../store/MeetingContext';

/**
 * Screen readers hear each stage change (the visible heading changes silently otherwise), and,
 * in a meeting of several items, which item the meeting moved to (M1).
 */
export function StageAnnouncer() {
  const stage = useMeeting((s) => s.view?.stage);
  const item = useMeeting((s) =>
    s.meeting && s.meeting.items.length > 1
      ? s.meeting.items.find((i) => i.id === s.meeting?.currentItemId)?.title
      : undefined,
  );
  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true">
      {stage ? `${item ? `${item}. ` : ''}Stage: ${STAGE_LABELS[stage]}` : ''}
    </div>
  );
}

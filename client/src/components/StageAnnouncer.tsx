import { useT } from '../i18n';
import { useMeeting } from '../store/MeetingContext';

/**
 * Screen readers hear each stage change (the visible heading changes silently otherwise), and,
 * in a meeting of several items, which item the meeting moved to (M1).
 */
export function StageAnnouncer() {
  const t = useT('common');
  const stage = useMeeting((s) => s.view?.stage);
  const item = useMeeting((s) =>
    s.meeting && s.meeting.items.length > 1
      ? s.meeting.items.find((i) => i.id === s.meeting?.currentItemId)?.title
      : undefined,
  );
  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true">
      {stage
        ? item
          ? t('announce.itemStage', { item, stage: t(`stage.${stage}`) })
          : t('announce.stage', { stage: t(`stage.${stage}`) })
        : ''}
    </div>
  );
}

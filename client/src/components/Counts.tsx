import type { MeetingView } from '@circlewise/shared/view';
import { respondedCount } from '../lib/names';

export function Counts({ view, responses }: { view: MeetingView; responses: Record<string, unknown> }) {
  const { responded, total } = respondedCount(view, responses);
  return (
    <p className="counts">
      {responded} of {total} responded
    </p>
  );
}

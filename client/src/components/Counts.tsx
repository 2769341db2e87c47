import { respondedCount, type WithPeople } from '../lib/names';

export function Counts({
  view,
  responses,
  verb = 'responded',
}: {
  view: WithPeople;
  responses: Record<string, unknown>;
  verb?: string;
}) {
  const { responded, total } = respondedCount(view, responses);
  return (
    <p className="counts">
      {responded} of {total} {verb}
    </p>
  );
}

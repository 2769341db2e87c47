import { useT } from '../i18n';
import { respondedCount, type WithPeople } from '../lib/names';

export function Counts({
  view,
  responses,
  verb = 'responded',
}: {
  view: WithPeople;
  responses: Record<string, unknown>;
  verb?: 'responded' | 'nominated';
}) {
  const t = useT('common');
  const { responded, total } = respondedCount(view, responses);
  return <p className="counts">{t(`counts.${verb}`, { count: responded, total })}</p>;
}

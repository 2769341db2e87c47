import type { Seated } from '@circlewise/shared/meeting';
import { notYetSpoken, type RoundView, roundPresent } from '@circlewise/shared/round';
import { RoundEntries } from '../components/RoundEntries';
import { TurnLine } from '../components/TurnLine';
import { JoinQr } from './JoinQr';

/** The room's screen during a round (M3): what everyone said, large. A round hides nothing (A6). */
export function RoundProjector({ view, online }: { view: Seated<RoundView>; online: Record<string, true> }) {
  const closed = view.stage === 'outcome';
  const present = roundPresent(view);
  const onlineCount = present.filter((p) => online[p.id]).length;
  const spoke = present.length - notYetSpoken(view).length;
  return (
    <div className="page projector">
      <header className="projector-header">
        <div>
          <p className="eyebrow">Round</p>
          <h1>{view.title || 'Round'}</h1>
          <p className="ask">
            {closed ? 'The round is closed.' : 'Each person says something once, in turn.'}
          </p>
          <p className="counts big" aria-live="polite">
            {present.length} present ({onlineCount} connected) · {spoke} of {present.length} spoke
          </p>
          <TurnLine view={view} big />
        </div>
        <JoinQr code={view.code} />
      </header>
      <section className="card" aria-labelledby="pr-round">
        <h2 id="pr-round">What was said</h2>
        <RoundEntries view={view} />
      </section>
    </div>
  );
}

import type { Seated } from '@circlewise/shared/meeting';
import { notYetSpoken, type RoundView, roundPresent } from '@circlewise/shared/round';
import { RoundEntries } from '../components/RoundEntries';
import { TurnLine } from '../components/TurnLine';
import { ProjectorFrame } from './ProjectorFrame';

/** The room's screen during a round (M3): what everyone said, large. A round hides nothing (A6). */
export function RoundProjector({ view, online }: { view: Seated<RoundView>; online: Record<string, true> }) {
  const closed = view.stage === 'outcome';
  const present = roundPresent(view);
  const onlineCount = present.filter((p) => online[p.id]).length;
  const spoke = present.length - notYetSpoken(view).length;
  return (
    <ProjectorFrame
      eyebrow="Round"
      heading={view.title || 'Round'}
      ask={closed ? 'The round is closed.' : 'Each person says something once, in turn.'}
      code={view.code}
      counts={
        <>
          {present.length} present ({onlineCount} connected) · {spoke} of {present.length} spoke
        </>
      }
    >
      <TurnLine view={view} big />
      <section className="projector-results" aria-labelledby="pr-round">
        <h2 id="pr-round">What was said</h2>
        <div className="projector-round">
          <RoundEntries view={view} />
        </div>
      </section>
    </ProjectorFrame>
  );
}

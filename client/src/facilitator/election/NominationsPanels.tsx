import { presentParticipants } from '@circlewise/shared/decision';
import type { ElectionView } from '@circlewise/shared/election';
import type { Seated } from '@circlewise/shared/meeting';
import { ChangeList, NominationList, TallyList } from '../../components/ElectionCards';

/** E1: who has nominated, never whom, until the reveal. */
export function NominationsStatus({ view }: { view: Seated<ElectionView> }) {
  const present = presentParticipants(view);
  const done = present.filter((p) => p.id in view.nominations);
  const waiting = present.filter((p) => !(p.id in view.nominations));
  return (
    <section className="card" aria-labelledby="f-nominations">
      <h2 id="f-nominations">Nominations (secret until revealed)</h2>
      <p className="counts">
        {done.length} of {present.length} nominated
      </p>
      {done.length > 0 && <p>Nominated: {done.map((p) => p.name).join(', ')}</p>}
      {waiting.length > 0 && <p className="muted">Not yet: {waiting.map((p) => p.name).join(', ')}</p>}
    </section>
  );
}

/** E3: after the reveal, the count per nominee, each nomination with its reason, and every change. */
export function TallyPanel({ view }: { view: Seated<ElectionView> }) {
  return (
    <section className="card" aria-labelledby="f-tally">
      <h2 id="f-tally">Tally</h2>
      <TallyList view={view} />
      <h3>Nominations</h3>
      <NominationList view={view} />
      <h3>Change round</h3>
      <ChangeList view={view} />
    </section>
  );
}

import type { ConsentItemView } from '@circlewise/shared/consentItem';
import { presentParticipants } from '@circlewise/shared/decision';
import type { Seated } from '@circlewise/shared/meeting';
import { GestureIcon } from '../components/GestureIcon';
import { RESPONSE_LABELS } from '../components/ResponseKindLabel';

/** The facilitator sees every response as it comes in (A6); participants see them after the reveal. */
export function ResponsesPanel({ view }: { view: Seated<ConsentItemView> }) {
  const people = presentParticipants(view);
  if (view.kind === 'decision' && view.stage === 'reactions') {
    return (
      <section className="card" aria-labelledby="f-reactions">
        <h2 id="f-reactions">
          Reactions {view.reactionsRevealed ? '(revealed)' : '(hidden from participants)'}
        </h2>
        <ul className="list">
          {people.map((p) => {
            const r = view.reactions[p.id];
            return (
              <li key={p.id}>
                <strong>{p.name}</strong>:{' '}
                {r ? (
                  <>
                    {r.gesture && <GestureIcon gesture={r.gesture} />} {r.text}
                  </>
                ) : (
                  <span className="muted">no reaction yet</span>
                )}
              </li>
            );
          })}
        </ul>
      </section>
    );
  }
  if (view.stage === 'objections' || view.stage === 'consent') {
    const round = view.stage === 'objections' ? view.objectionRound : view.consentRound;
    return (
      <section className="card" aria-labelledby="f-responses">
        <h2 id="f-responses">
          Responses to version {round.version}
          {view.stage === 'objections' && (round.revealed ? ' (revealed)' : ' (hidden from participants)')}
        </h2>
        <ul className="list">
          {people.map((p) => {
            const r = round.responses[p.id];
            return (
              <li key={p.id}>
                <strong>{p.name}</strong>:{' '}
                {r?.kind ? (
                  <>
                    {RESPONSE_LABELS[r.kind]}
                    {r.reason && `: ${r.reason}`}
                  </>
                ) : (
                  <span className="muted">not yet</span>
                )}
              </li>
            );
          })}
        </ul>
      </section>
    );
  }
  return null;
}

import type { Seated } from '@circlewise/shared/meeting';
import { type RoundView, roundPresent, turnOrder } from '@circlewise/shared/round';
import { useState } from 'react';
import { SubmitStatus } from '../../components/SubmitStatus';
import { useSubmit } from '../../lib/useSubmit';

/**
 * O1: the facilitator puts the round in turn: the seating order, arranged here with up and down
 * buttons, or a shuffle drawn by the server. Setting it again re-orders what is still to come.
 */
export function RoundOrder({ view }: { view: Seated<RoundView> }) {
  const { state, submit, busy } = useSubmit();
  const current = (turnOrder(view) ?? roundPresent(view)).map((p) => p.id);
  const [draft, setDraft] = useState<string[] | null>(null);
  // People come and go: the draft keeps who is still present, and adds who came.
  const present = new Set(roundPresent(view).map((p) => p.id));
  const base = (draft ?? current).filter((id) => present.has(id));
  const order = [...base, ...current.filter((id) => !base.includes(id))];
  const name = (id: string) => view.participants[id]?.name ?? 'Someone';
  const move = (i: number, by: -1 | 1) => {
    const next = [...order];
    const j = i + by;
    if (j < 0 || j >= next.length) return;
    [next[i], next[j]] = [next[j] as string, next[i] as string];
    setDraft(next);
  };
  return (
    <section className="card" aria-labelledby="round-order">
      <h2 id="round-order">{view.order ? 'The order of the round' : 'Go around in turn'}</h2>
      <p className="hint">
        {view.order
          ? 'The round goes in this order; someone who passes gets one more turn at the end.'
          : 'Set the seating order, or shuffle, so that each phone says when it is its turn.'}
      </p>
      {order.length === 0 ? (
        <p className="empty">Nobody is present.</p>
      ) : (
        <ol className="list order-list">
          {order.map((id, i) => (
            <li key={id} className="turn-person">
              <span className="person-name">{name(id)}</span>{' '}
              <button
                type="button"
                className="small"
                aria-label={`Move ${name(id)} up`}
                disabled={i === 0}
                onClick={() => move(i, -1)}
              >
                ↑
              </button>{' '}
              <button
                type="button"
                className="small"
                aria-label={`Move ${name(id)} down`}
                disabled={i === order.length - 1}
                onClick={() => move(i, 1)}
              >
                ↓
              </button>
            </li>
          ))}
        </ol>
      )}
      <p className="actions">
        <button
          type="button"
          className="primary"
          disabled={busy || order.length === 0}
          onClick={async () => {
            if (await submit({ type: 'round.order', order })) setDraft(null);
          }}
        >
          {view.order ? 'Set this order again' : 'Go in this order'}
        </button>{' '}
        <button
          type="button"
          disabled={busy || order.length === 0}
          onClick={async () => {
            if (await submit({ type: 'round.order', shuffle: true })) setDraft(null);
          }}
        >
          Shuffle
        </button>
      </p>
      <SubmitStatus state={state} recorded="The order is set: every screen shows whose turn it is." />
    </section>
  );
}

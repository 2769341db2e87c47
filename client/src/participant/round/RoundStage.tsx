import type { Seated } from '@circlewise/shared/meeting';
import { entryOf, type RoundView, turnRefusal, turns } from '@circlewise/shared/round';
import { useEffect, useState } from 'react';
import { RoundEntries } from '../../components/RoundEntries';
import { SubmitStatus } from '../../components/SubmitStatus';
import { TurnLine } from '../../components/TurnLine';
import { useSubmit } from '../../lib/useSubmit';
import { ParticipantFrame } from '../ParticipantFrame';

export interface RoundStageProps {
  view: Seated<RoundView>;
  /** This phone's participant id. */
  me: string;
}

export const ROUND_ASK = 'Say something once, in turn. Everyone sees what you say.';
export const ROUND_CLOSED = 'The round is closed';

/** The phone in a round (M3: check-in or evaluation): say something, see what everyone said. */
export function RoundStage({ view, me }: RoundStageProps) {
  const closed = view.stage === 'outcome';
  return (
    <ParticipantFrame
      context="Round"
      name={view.participants[me]?.name}
      stage={view.stage}
      heading={view.title || 'Round'}
      ask={closed ? `${ROUND_CLOSED}.` : ROUND_ASK}
      present={view.participants[me]?.present ?? false}
    >
      {!closed && <TurnLine view={view} me={me} />}
      {!closed && <YourTurn view={view} me={me} />}
      {!closed &&
        (turnRefusal(view, me) === null ? (
          <SayForm view={view} me={me} />
        ) : (
          <WaitForTurn view={view} me={me} />
        ))}
      <section className="card" aria-labelledby="round-said">
        <h2 id="round-said">{closed ? ROUND_CLOSED : 'Said so far'}</h2>
        <RoundEntries view={view} me={me} />
      </section>
    </ParticipantFrame>
  );
}

function SayForm({ view, me }: RoundStageProps) {
  const [text, setText] = useState('');
  const { state, submit, busy } = useSubmit();
  const spoken = entryOf(view, me) !== undefined;

  const say = async (e: React.FormEvent) => {
    e.preventDefault();
    if (await submit({ type: 'round.speak', text })) setText('');
  };

  return (
    <form className="card" onSubmit={say}>
      <label htmlFor="round-text">What would you like to say?</label>
      {spoken && (
        <p className="hint" id="round-again">
          You have spoken. Saying something again replaces what you said.
        </p>
      )}
      <textarea
        id="round-text"
        value={text}
        rows={3}
        onChange={(e) => setText(e.target.value)}
        {...(spoken && { 'aria-describedby': 'round-again' })}
      />
      <button type="submit" className="primary" disabled={busy}>
        {spoken ? 'Say it instead' : 'Say it'}
      </button>
      {view.order && <PassButton />}
      <SubmitStatus state={state} recorded="Recorded: everyone sees it." />
    </form>
  );
}

/**
 * O1: on the phone whose turn it is, "Your turn", said to screen readers as it comes (the live
 * region is always there, so the change is announced) and a short vibration where the phone has
 * one.
 */
export function YourTurn({ view, me }: RoundStageProps) {
  const t = turns(view);
  const mine = t?.now?.id === me;
  useEffect(() => {
    if (!mine) return;
    if (typeof navigator !== 'undefined' && typeof navigator.vibrate === 'function') {
      try {
        navigator.vibrate(200);
      } catch {
        // Some browsers refuse without a user gesture; the words and the announcement remain.
      }
    }
  }, [mine]);
  return (
    <p className={mine ? 'your-turn card' : 'visually-hidden'} role="status" aria-live="assertive">
      {mine ? (t?.comingBack ? 'Your turn: the round came back to you.' : 'Your turn') : ''}
    </p>
  );
}

/** O1: not this phone's turn: why (whose it is, whom one comes after), and nothing to send. */
export function WaitForTurn({ view, me }: RoundStageProps) {
  const why = turnRefusal(view, me);
  return (
    <p className="card hint" data-testid="wait-turn">
      {why?.message}
    </p>
  );
}

/** O2: pass on one's turn; the round comes back once to who passed. */
export function PassButton() {
  const { state, submit, busy } = useSubmit();
  return (
    <>
      <button type="button" disabled={busy} onClick={() => submit({ type: 'round.pass' })}>
        Pass
      </button>
      <SubmitStatus state={state} recorded="You passed: the round comes back to you once." />
    </>
  );
}

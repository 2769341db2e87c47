import type { Seated } from '@circlewise/shared/meeting';
import { entryOf, type RoundView } from '@circlewise/shared/round';
import { useState } from 'react';
import { RoundEntries } from '../../components/RoundEntries';
import { SubmitStatus } from '../../components/SubmitStatus';
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
      {!closed && <SayForm view={view} me={me} />}
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
      <SubmitStatus state={state} recorded="Recorded: everyone sees it." />
    </form>
  );
}

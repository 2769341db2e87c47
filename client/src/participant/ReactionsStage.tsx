import { GESTURES, type Gesture } from '@circlewise/shared/constants';
import { reactionsAsRound, reactionTurnRefusal } from '@circlewise/shared/reactionTurns';
import { useState } from 'react';
import { GESTURE_LABELS, GestureGlyph, GestureIcon, GestureTally } from '../components/GestureIcon';
import { SubmitStatus } from '../components/SubmitStatus';
import { TurnLine } from '../components/TurnLine';
import { useSubmit } from '../lib/useSubmit';
import { CurrentProposal } from './CurrentProposal';
import { HiddenRoundList } from './HiddenRoundList';
import { PassButton, WaitForTurn, YourTurn } from './round/RoundStage';
import type { StageProps } from './stageProps';

export function ReactionsStage({ view, me }: StageProps) {
  const mine = view.reactions[me];
  const [changing, setChanging] = useState(false);
  const showForm = (!mine || changing) && !view.reactionsRevealed;
  // O1, O2: a reactions round in turn; the phone reads it as a round (shared/reactionTurns.ts).
  const inTurn = view.reactionOrder !== undefined && !view.reactionsRevealed;
  const asRound = reactionsAsRound(view);
  const wait = inTurn && !mine && reactionTurnRefusal(view, me) !== null;

  return (
    <>
      <CurrentProposal view={view} />
      {inTurn && (
        <TurnLine
          view={asRound}
          me={me}
          through="Everyone has had their turn: the facilitator reveals the reactions."
        />
      )}
      {inTurn && <YourTurn view={asRound} me={me} />}
      {wait ? (
        <WaitForTurn view={asRound} me={me} />
      ) : showForm ? (
        <ReactionForm onDone={() => setChanging(false)} pass={inTurn} />
      ) : mine ? (
        <section className="card" aria-labelledby="my-reaction">
          <h2 id="my-reaction">Your reaction</h2>
          <p>
            {mine.gesture && <GestureIcon gesture={mine.gesture} />} {mine.text}
          </p>
          {!view.reactionsRevealed && !inTurn && (
            <button type="button" onClick={() => setChanging(true)}>
              Change my reaction
            </button>
          )}
        </section>
      ) : (
        <p className="hint">The reactions are revealed; this round is closing.</p>
      )}
      {view.reactionsRevealed && <GestureTally reactions={Object.values(view.reactions)} />}
      <HiddenRoundList
        view={view}
        me={me}
        round={{ responses: view.reactions, revealed: view.reactionsRevealed }}
        heading="Reactions"
        shown={(r) =>
          r.hidden ? undefined : (
            <>
              {r.gesture && <GestureIcon gesture={r.gesture} />} {r.text}
            </>
          )
        }
      />
    </>
  );
}

function ReactionForm({ onDone, pass }: { onDone: () => void; pass: boolean }) {
  const [text, setText] = useState('');
  const [gesture, setGesture] = useState<Gesture | ''>('');
  const { state, submit, busy } = useSubmit();

  const give = async (e: React.FormEvent) => {
    e.preventDefault();
    const ok = await submit({ type: 'reaction.give', text, ...(gesture && { gesture }) });
    if (ok) onDone();
  };

  return (
    <form className="card" onSubmit={give}>
      <label htmlFor="reaction">Your reaction</label>
      <textarea id="reaction" value={text} rows={3} onChange={(e) => setText(e.target.value)} />
      <fieldset className="choices">
        <legend>Quick gesture (optional)</legend>
        <label className="choice">
          <input type="radio" name="gesture" checked={gesture === ''} onChange={() => setGesture('')} />
          None
        </label>
        {GESTURES.map((g) => (
          <label className="choice" key={g}>
            <input type="radio" name="gesture" checked={gesture === g} onChange={() => setGesture(g)} />
            <GestureGlyph gesture={g} />
            {GESTURE_LABELS[g]}
          </label>
        ))}
      </fieldset>
      <button type="submit" className="primary" disabled={busy}>
        Give reaction
      </button>
      {pass && <PassButton />}
      <SubmitStatus state={state} recorded="Reaction recorded." />
    </form>
  );
}

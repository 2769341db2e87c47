import { GESTURES, type Gesture } from '@circlewise/shared/constants';
import { useState } from 'react';
import { GESTURE_LABELS, GestureGlyph, GestureIcon, GestureTally } from '../components/GestureIcon';
import { SubmitStatus } from '../components/SubmitStatus';
import { useSubmit } from '../lib/useSubmit';
import { CurrentProposal } from './CurrentProposal';
import { HiddenRoundList } from './HiddenRoundList';
import type { StageProps } from './stageProps';

export function ReactionsStage({ view, me }: StageProps) {
  const mine = view.reactions[me];
  const [changing, setChanging] = useState(false);
  const showForm = (!mine || changing) && !view.reactionsRevealed;

  return (
    <>
      <CurrentProposal view={view} />
      {showForm ? (
        <ReactionForm onDone={() => setChanging(false)} />
      ) : mine ? (
        <section className="card" aria-labelledby="my-reaction">
          <h2 id="my-reaction">Your reaction</h2>
          <p>
            {mine.gesture && <GestureIcon gesture={mine.gesture} />} {mine.text}
          </p>
          {!view.reactionsRevealed && (
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

function ReactionForm({ onDone }: { onDone: () => void }) {
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
      <SubmitStatus state={state} recorded="Reaction recorded." />
    </form>
  );
}

import { GESTURES, type Gesture } from '@circlewise/shared/constants';
import { reactionsAsRound, reactionTurnRefusal } from '@circlewise/shared/reactionTurns';
import { useState } from 'react';
import { GestureGlyph, GestureIcon, GestureTally } from '../components/GestureIcon';
import { SubmitStatus } from '../components/SubmitStatus';
import { TurnLine } from '../components/TurnLine';
import { useT } from '../i18n';
import { useSubmit } from '../lib/useSubmit';
import { CurrentProposal } from './CurrentProposal';
import { HiddenRoundList } from './HiddenRoundList';
import { PassButton, WaitForTurn, YourTurn } from './round/RoundStage';
import type { StageProps } from './stageProps';

export function ReactionsStage({ view, me }: StageProps) {
  const t = useT('phone');
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
      {inTurn && <TurnLine view={asRound} me={me} through={t('reactions.through')} />}
      {inTurn && <YourTurn view={asRound} me={me} />}
      {wait ? (
        <WaitForTurn view={asRound} me={me} />
      ) : showForm ? (
        <ReactionForm onDone={() => setChanging(false)} pass={inTurn} />
      ) : mine ? (
        <section className="card" aria-labelledby="my-reaction">
          <h2 id="my-reaction">{t('reactions.yours')}</h2>
          <p>
            {mine.gesture && <GestureIcon gesture={mine.gesture} />} {mine.text}
          </p>
          {!view.reactionsRevealed && !inTurn && (
            <button type="button" onClick={() => setChanging(true)}>
              {t('reactions.change')}
            </button>
          )}
        </section>
      ) : (
        <p className="hint">{t('reactions.closing')}</p>
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
  const t = useT('phone');
  const tc = useT('common');
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
      <label htmlFor="reaction">{t('reactions.label')}</label>
      <textarea id="reaction" value={text} rows={3} onChange={(e) => setText(e.target.value)} />
      <fieldset className="choices">
        <legend>{t('reactions.gestureLegend')}</legend>
        <label className="choice">
          <input type="radio" name="gesture" checked={gesture === ''} onChange={() => setGesture('')} />
          {t('reactions.none')}
        </label>
        {GESTURES.map((g) => (
          <label className="choice" key={g}>
            <input type="radio" name="gesture" checked={gesture === g} onChange={() => setGesture(g)} />
            <GestureGlyph gesture={g} />
            {tc(`gesture.${g}`)}
          </label>
        ))}
      </fieldset>
      <button type="submit" className="primary" disabled={busy}>
        {t('reactions.submit')}
      </button>
      {pass && <PassButton />}
      <SubmitStatus state={state} recorded={t('reactions.done')} />
    </form>
  );
}

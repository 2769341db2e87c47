import type { Seated } from '@circlewise/shared/meeting';
import { entryOf, type RoundView, turnRefusal, turns } from '@circlewise/shared/round';
import { useEffect, useState } from 'react';
import { RoundEntries } from '../../components/RoundEntries';
import { SubmitStatus } from '../../components/SubmitStatus';
import { TurnLine } from '../../components/TurnLine';
import { useT } from '../../i18n';
import { useSubmit } from '../../lib/useSubmit';
import { ParticipantFrame } from '../ParticipantFrame';

export interface RoundStageProps {
  view: Seated<RoundView>;
  /** This phone's participant id. */
  me: string;
}

/** The phone in a round (M3: check-in or evaluation): say something, see what everyone said. */
export function RoundStage({ view, me }: RoundStageProps) {
  const t = useT('phone');
  const closed = view.stage === 'outcome';
  return (
    <ParticipantFrame
      context={t('round.context')}
      name={view.participants[me]?.name}
      stage={view.stage}
      heading={view.title || t('round.heading')}
      ask={closed ? t('round.closedAsk') : t('round.ask')}
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
        <h2 id="round-said">{closed ? t('round.closed') : t('round.said')}</h2>
        <RoundEntries view={view} me={me} />
      </section>
    </ParticipantFrame>
  );
}

function SayForm({ view, me }: RoundStageProps) {
  const t = useT('phone');
  const [text, setText] = useState('');
  const { state, submit, busy } = useSubmit();
  const spoken = entryOf(view, me) !== undefined;

  const say = async (e: React.FormEvent) => {
    e.preventDefault();
    if (await submit({ type: 'round.speak', text })) setText('');
  };

  return (
    <form className="card" onSubmit={say}>
      <label htmlFor="round-text">{t('round.label')}</label>
      {spoken && (
        <p className="hint" id="round-again">
          {t('round.again')}
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
        {spoken ? t('round.sayInstead') : t('round.say')}
      </button>
      {view.order && <PassButton />}
      <SubmitStatus state={state} recorded={t('round.done')} />
    </form>
  );
}

/**
 * O1: on the phone whose turn it is, "Your turn", said to screen readers as it comes (the live
 * region is always there, so the change is announced) and a short vibration where the phone has
 * one.
 */
export function YourTurn({ view, me }: RoundStageProps) {
  const tr = useT('phone');
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
      {mine ? (t?.comingBack ? tr('round.yourTurnBack') : tr('round.yourTurn')) : ''}
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
  const t = useT('phone');
  const { state, submit, busy } = useSubmit();
  return (
    <>
      <button type="button" disabled={busy} onClick={() => submit({ type: 'round.pass' })}>
        {t('round.pass')}
      </button>
      <SubmitStatus state={state} recorded={t('round.passed')} />
    </>
  );
}

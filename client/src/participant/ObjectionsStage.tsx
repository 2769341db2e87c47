import { RESPONSE_KINDS, type ResponseKind } from '@circlewise/shared/constants';
import type { Objection } from '@circlewise/shared/decision';
import { useState } from 'react';
import { SubmitStatus } from '../components/SubmitStatus';
import { useT } from '../i18n';
import type { CheckViewLike } from '../lib/election';
import { nameOf } from '../lib/names';
import { useSubmit } from '../lib/useSubmit';
import { CurrentProposal } from './CurrentProposal';
import { HandRaise } from './HandRaise';
import { HiddenRoundList } from './HiddenRoundList';
import type { StageProps } from './stageProps';

export function ObjectionsStage({ view, me }: StageProps) {
  return (
    <>
      <CurrentProposal view={view} />
      <ObjectionRound view={view} me={me} />
      <HandRaise view={view} me={me} />
    </>
  );
}

/**
 * The objection round of any consent check (a decision's proposal or an election's candidate):
 * my response, everyone's (hidden until the reveal), and the objections with their fate.
 * `waiting` holds the form back with a reason in words (E4: the candidate answers last).
 */
export function ObjectionRound({
  view,
  me,
  legend,
  waiting,
}: {
  view: CheckViewLike;
  me: string;
  legend?: string;
  waiting?: string;
}) {
  const t = useT('phone');
  const tc = useT('common');
  const round = view.objectionRound;
  const mine = round.responses[me];
  const [changing, setChanging] = useState(false);
  // Before the reveal an answer may be replaced freely; after it, too, except that an objection
  // still open is withdrawn first (the server's rule), so its fate stays on the record.
  const myOpenObjection = view.objections.some(
    (o) => o.id === mine?.id && (o.status === 'raised' || o.status === 'qualified'),
  );
  const mayChange = !round.revealed || !myOpenObjection;
  const showForm = !mine || (changing && mayChange);
  // After an amendment (C5) everyone is asked again: my answer to the version before is filled
  // in, ready to send again or change (issue 10 §7).
  const previous = view.previousObjectionRound;
  const before = previous?.version === round.version - 1 ? previous.responses[me] : undefined;
  const initial =
    before?.kind !== undefined
      ? { kind: before.kind, reason: before.reason ?? '', version: previous!.version }
      : undefined;

  return (
    <>
      {showForm ? (
        <ResponseForm
          legend={legend ?? t('objections.legend')}
          waiting={waiting}
          initial={mine ? undefined : initial}
          onDone={() => setChanging(false)}
        />
      ) : (
        mine && (
          <section className="card" aria-labelledby="my-response">
            <h2 id="my-response">{t('objections.yours', { version: round.version })}</h2>
            <p>
              <strong>{mine.kind ? tc(`response.${mine.kind}`) : tc('response.responded')}</strong>
              {mine.reason && `: ${mine.reason}`}
            </p>
            {mayChange && (
              <button type="button" onClick={() => setChanging(true)}>
                {t('objections.change')}
              </button>
            )}
          </section>
        )
      )}
      <HiddenRoundList
        view={view}
        me={me}
        round={round}
        heading="Responses"
        shown={(r) =>
          r.hidden || !r.kind ? undefined : (
            <>
              {tc(`response.${r.kind}`)}
              {r.reason && `: ${r.reason}`}
            </>
          )
        }
      />
      <ObjectionList view={view} me={me} />
    </>
  );
}

function ResponseForm({
  legend,
  waiting,
  initial,
  onDone,
}: {
  legend: string;
  waiting: string | undefined;
  /** My answer to the version before, to confirm or change. */
  initial?: { kind: ResponseKind; reason: string; version: number } | undefined;
  onDone: () => void;
}) {
  const t = useT('phone');
  const tc = useT('common');
  const [kind, setKind] = useState<ResponseKind | ''>(initial?.kind ?? '');
  const [reason, setReason] = useState(initial?.reason ?? '');
  const { state, submit, busy } = useSubmit();
  const needsReason = kind === 'concern' || kind === 'objection';

  const give = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!kind) return;
    const ok = await submit({
      type: 'response.give',
      kind,
      ...(kind !== 'consent' && reason.trim() && { reason }),
    });
    if (ok) onDone();
  };

  return (
    <form className="card" onSubmit={give}>
      {initial && <p className="hint">{t('objections.filledIn', { version: initial.version })}</p>}
      <fieldset className="choices">
        <legend>{legend}</legend>
        {RESPONSE_KINDS.map((k) => (
          <label className="choice" key={k}>
            <input type="radio" name="kind" checked={kind === k} onChange={() => setKind(k)} />
            {tc(`response.${k}`)}
          </label>
        ))}
      </fieldset>
      {needsReason && (
        <>
          <label htmlFor="reason">{t('consent.reason')}</label>
          <textarea id="reason" value={reason} rows={4} onChange={(e) => setReason(e.target.value)} />
        </>
      )}
      {waiting && (
        <p id="response-waiting" className="refusal">
          {waiting}
        </p>
      )}
      <button
        type="submit"
        className="primary"
        disabled={busy || !kind || waiting !== undefined}
        aria-describedby={waiting ? 'response-waiting' : undefined}
      >
        {t('objections.send')}
      </button>
      <SubmitStatus state={state} recorded={t('objections.done')} />
    </form>
  );
}

export function ObjectionList({ view, me }: { view: CheckViewLike; me?: string }) {
  const tc = useT('common');
  if (view.objections.length === 0) return null;
  return (
    <section className="card" aria-labelledby="objections-heading">
      <h2 id="objections-heading">{tc('stage.objections')}</h2>
      <ul className="list">
        {view.objections.map((o) => (
          <ObjectionItem key={o.id} view={view} objection={o} mine={o.participantId === me} />
        ))}
      </ul>
    </section>
  );
}

function ObjectionItem({
  view,
  objection,
  mine,
}: {
  view: CheckViewLike;
  objection: Objection;
  mine: boolean;
}) {
  const t = useT('phone');
  const tc = useT('common');
  const { state, submit, busy } = useSubmit();
  const open = objection.status === 'raised' || objection.status === 'qualified';
  return (
    <li>
      <p>
        <strong>{mine ? t('objections.you') : nameOf(view, objection.participantId)}</strong>:{' '}
        {objection.reason}
      </p>
      <p className={`objection-status status-${objection.status}`}>
        {objection.status === 'resolved' && objection.resolvedBy !== undefined
          ? tc('objectionStatus.resolvedBy', { version: objection.resolvedBy })
          : tc(`objectionStatus.${objection.status}`)}
      </p>
      {mine && open && view.stage === 'objections' && (
        <>
          <button
            type="button"
            disabled={busy}
            onClick={() => submit({ type: 'objection.withdraw', objectionId: objection.id })}
          >
            {t('objections.withdraw')}
          </button>
          <SubmitStatus state={state} recorded={t('objections.withdrawn')} />
        </>
      )}
    </li>
  );
}

import { RESPONSE_KINDS, type ResponseKind } from '@circlewise/shared/constants';
import type { Objection } from '@circlewise/shared/decision';
import { useState } from 'react';
import { objectionStatusText, RESPONSE_LABELS } from '../components/ResponseKindLabel';
import { SubmitStatus } from '../components/SubmitStatus';
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
  legend = 'Do you see an objection to this proposal?',
  waiting,
}: {
  view: CheckViewLike;
  me: string;
  legend?: string;
  waiting?: string;
}) {
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
          legend={legend}
          waiting={waiting}
          initial={mine ? undefined : initial}
          onDone={() => setChanging(false)}
        />
      ) : (
        mine && (
          <section className="card" aria-labelledby="my-response">
            <h2 id="my-response">Your response to version {round.version}</h2>
            <p>
              <strong>{mine.kind ? RESPONSE_LABELS[mine.kind] : 'Responded'}</strong>
              {mine.reason && `: ${mine.reason}`}
            </p>
            {mayChange && (
              <button type="button" onClick={() => setChanging(true)}>
                Change my response
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
              {RESPONSE_LABELS[r.kind]}
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
      {initial && (
        <p className="hint">
          Your answer to version {initial.version} is filled in: send it again, or change it.
        </p>
      )}
      <fieldset className="choices">
        <legend>{legend}</legend>
        {RESPONSE_KINDS.map((k) => (
          <label className="choice" key={k}>
            <input type="radio" name="kind" checked={kind === k} onChange={() => setKind(k)} />
            {RESPONSE_LABELS[k]}
          </label>
        ))}
      </fieldset>
      {needsReason && (
        <>
          <label htmlFor="reason">Reason (required): what harm do you see, or how could it be better?</label>
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
        Send response
      </button>
      <SubmitStatus state={state} recorded="Response recorded." />
    </form>
  );
}

export function ObjectionList({ view, me }: { view: CheckViewLike; me?: string }) {
  if (view.objections.length === 0) return null;
  return (
    <section className="card" aria-labelledby="objections-heading">
      <h2 id="objections-heading">Objections</h2>
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
  const { state, submit, busy } = useSubmit();
  const open = objection.status === 'raised' || objection.status === 'qualified';
  return (
    <li>
      <p>
        <strong>{mine ? 'You' : nameOf(view, objection.participantId)}</strong>: {objection.reason}
      </p>
      <p className={`objection-status status-${objection.status}`}>
        {objectionStatusText(objection.status, objection.resolvedBy)}
      </p>
      {mine && open && view.stage === 'objections' && (
        <>
          <button
            type="button"
            disabled={busy}
            onClick={() => submit({ type: 'objection.withdraw', objectionId: objection.id })}
          >
            Withdraw my objection
          </button>
          <SubmitStatus state={state} recorded="Objection withdrawn." />
        </>
      )}
    </li>
  );
}

import { currentNominee } from '@circlewise/shared/election';
import { useState } from 'react';
import { ChangeList, NominationList, RoleCard, TallyList } from '../../components/ElectionCards';
import { SubmitStatus } from '../../components/SubmitStatus';
import { nomineeName } from '../../lib/election';
import { useSubmit } from '../../lib/useSubmit';
import type { ElectionStageProps } from './ElectionParticipantView';
import { NomineeChoice } from './NomineeChoice';

const CHANGE_NEEDS_REASON = 'Say why you change your nomination.';

/** E3: everything side by side; keep or change one's nomination, a change with its reason. */
export function ChangesStage({ view, me }: ElectionStageProps) {
  const current = currentNominee(view, me);
  const answered = view.changes.some((c) => c.participantId === me);
  const [editing, setEditing] = useState(false);

  return (
    <>
      <RoleCard role={view.role} />
      {current === undefined ? (
        <p className="card">
          You made no nomination, so there is none to keep or change. Listen to the others.
        </p>
      ) : answered && !editing ? (
        <section className="card" aria-labelledby="my-change">
          <h2 id="my-change">Your nomination now</h2>
          <p>
            <strong>{nomineeName(view, current)}</strong>
          </p>
          <button type="button" onClick={() => setEditing(true)}>
            Change it again
          </button>
        </section>
      ) : (
        <ChangeForm view={view} me={me} current={current} onDone={() => setEditing(false)} />
      )}
      <section className="card" aria-labelledby="all-nominations">
        <h2 id="all-nominations">All nominations</h2>
        <NominationList view={view} me={me} />
      </section>
      <section className="card" aria-labelledby="changes-heading">
        <h2 id="changes-heading">Changes</h2>
        <ChangeList view={view} />
      </section>
      <section className="card" aria-labelledby="tally-heading">
        <h2 id="tally-heading">Count now</h2>
        <TallyList view={view} />
      </section>
    </>
  );
}

function ChangeForm({
  view,
  me,
  current,
  onDone,
}: ElectionStageProps & { current: string | null; onDone: () => void }) {
  const keep = useSubmit();
  const change = useSubmit();
  const [nominee, setNominee] = useState<string | null | undefined>(undefined);
  const [reason, setReason] = useState('');

  const send = async (e: React.FormEvent) => {
    e.preventDefault();
    if (nominee === undefined) return;
    if (nominee !== current && !reason.trim()) {
      change.fail(CHANGE_NEEDS_REASON);
      return;
    }
    const ok = await change.submit({
      type: 'nomination.change',
      nomineeId: nominee,
      ...(reason.trim() && { reason }),
    });
    if (ok) onDone();
  };

  return (
    <section className="card" aria-labelledby="keep-or-change">
      <h2 id="keep-or-change">Keep or change your nomination</h2>
      <p>
        You nominated <strong>{nomineeName(view, current)}</strong>.
      </p>
      <button
        type="button"
        className="primary"
        disabled={keep.busy}
        onClick={async () => {
          if (await keep.submit({ type: 'nomination.change', nomineeId: current })) onDone();
        }}
      >
        Keep my nomination
      </button>
      <SubmitStatus state={keep.state} recorded="You kept your nomination." />
      <form onSubmit={send}>
        <NomineeChoice
          view={view}
          me={me}
          name="new-nominee"
          legend="Or change it to"
          value={nominee}
          onChange={setNominee}
        />
        <label htmlFor="change-reason">Reason for the change (required)</label>
        <textarea id="change-reason" value={reason} rows={3} onChange={(e) => setReason(e.target.value)} />
        <button type="submit" disabled={change.busy || nominee === undefined}>
          Change my nomination
        </button>
        <SubmitStatus state={change.state} recorded="Change recorded." />
      </form>
    </section>
  );
}

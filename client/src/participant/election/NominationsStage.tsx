import { useState } from 'react';
import { Counts } from '../../components/Counts';
import { NominationList, RoleCard } from '../../components/ElectionCards';
import { SubmitStatus } from '../../components/SubmitStatus';
import { useT } from '../../i18n';
import { nomineeName } from '../../lib/election';
import { useSubmit } from '../../lib/useSubmit';
import type { ElectionStageProps } from './ElectionParticipantView';
import { NomineeChoice } from './NomineeChoice';

/** E1, E2: one secret nomination each; a later one replaces the earlier until the reveal. */
export function NominationsStage({ view, me }: ElectionStageProps) {
  const t = useT('phone');
  const mine = view.nominations[me];
  const [changing, setChanging] = useState(false);
  const showForm = !mine || changing;

  return (
    <>
      <RoleCard role={view.role} />
      {showForm ? (
        <NominationForm
          view={view}
          me={me}
          initial={mine?.nomineeId}
          initialReason={mine?.reason ?? ''}
          replacing={mine !== undefined}
          onDone={() => setChanging(false)}
        />
      ) : (
        <section className="card" aria-labelledby="my-nomination">
          <h2 id="my-nomination">{t('election.yours')}</h2>
          <p>
            <strong>{nomineeName(view, mine.nomineeId)}</strong>
            {mine.reason && `: ${mine.reason}`}
          </p>
          <p className="muted">{t('election.stillChange')}</p>
          <button type="button" onClick={() => setChanging(true)}>
            {t('election.change')}
          </button>
        </section>
      )}
      <section className="card" aria-labelledby="nominations-heading">
        <h2 id="nominations-heading">{t('election.heading')}</h2>
        <Counts view={view} responses={view.nominations} verb="nominated" />
        <p className="muted">{t('election.secret')}</p>
        <NominationList view={view} me={me} />
      </section>
    </>
  );
}

function NominationForm({
  view,
  me,
  initial,
  initialReason,
  replacing,
  onDone,
}: {
  view: ElectionStageProps['view'];
  me: string;
  initial: string | null | undefined;
  initialReason: string;
  replacing: boolean;
  onDone: () => void;
}) {
  const t = useT('phone');
  const [nominee, setNominee] = useState<string | null | undefined>(initial);
  const [reason, setReason] = useState(initialReason);
  const { state, submit, busy } = useSubmit();

  const give = async (e: React.FormEvent) => {
    e.preventDefault();
    if (nominee === undefined) return;
    const ok = await submit({
      type: 'nomination.give',
      nomineeId: nominee,
      ...(reason.trim() && { reason }),
    });
    if (ok) onDone();
  };

  return (
    <form className="card" onSubmit={give}>
      <NomineeChoice
        view={view}
        me={me}
        name="nominee"
        legend={view.role ? t('election.whomAs', { role: view.role.role }) : t('election.whom')}
        value={nominee}
        onChange={setNominee}
      />
      <label htmlFor="nomination-reason">
        {nominee === null ? t('election.reasonOptional') : t('election.reasonRequired')}
      </label>
      <textarea id="nomination-reason" value={reason} rows={3} onChange={(e) => setReason(e.target.value)} />
      <button type="submit" className="primary" disabled={busy || nominee === undefined}>
        {replacing ? t('election.replace') : t('election.send')}
      </button>
      <SubmitStatus state={state} recorded={t('election.done')} />
    </form>
  );
}

import { currentProposal, electionConsentOf } from '@circlewise/shared/election';
import { useState } from 'react';
import { CandidateCard, RoleCard, TallyList } from '../../components/ElectionCards';
import { SubmitStatus } from '../../components/SubmitStatus';
import { waitingForOthers } from '../../lib/election';
import { nameOf } from '../../lib/names';
import { useSubmit } from '../../lib/useSubmit';
import { CarriedConsent } from '../CarriedConsent';
import { ConsentSoFar } from '../ConsentSoFar';
import { LateObjection } from '../LateObjection';
import { ObjectionRound } from '../ObjectionsStage';
import type { ElectionStageProps } from './ElectionParticipantView';

/** The current proposal, or what stands in its place; and a word if the last candidate declined. */
function Proposal({ view }: { view: ElectionStageProps['view'] }) {
  const proposal = currentProposal(view);
  const declined = view.declined[view.declined.length - 1];
  const declinedNote = declined && (
    <p className="card" role="note">
      {nameOf(view, view.proposals.find((p) => p.version === declined.version)?.candidateId ?? '')} declined
      the role{declined.reason ? `: ${declined.reason}` : '.'}
    </p>
  );
  if (!proposal || (declined && declined.version === proposal.version)) {
    return (
      <>
        {declinedNote}
        <RoleCard role={view.role} />
        <p className="empty">The facilitator is preparing a proposal from the nominations.</p>
      </>
    );
  }
  return (
    <>
      {declinedNote && view.stage === 'proposal' ? declinedNote : null}
      <CandidateCard view={view} proposal={proposal} />
    </>
  );
}

export function ElectionProposalStage({ view }: ElectionStageProps) {
  const proposal = currentProposal(view);
  return (
    <>
      <Proposal view={view} />
      {proposal && <p className="muted">Waiting for the facilitator to open the objection round.</p>}
      <section className="card" aria-labelledby="tally-heading">
        <h2 id="tally-heading">Nominations counted</h2>
        <TallyList view={view} />
      </section>
    </>
  );
}

/** The candidate's note: they answer last (E4), and may decline. */
function CandidateNote({ waiting, round }: { waiting: string[]; round: 'objections' | 'consent' }) {
  return (
    <section className="card candidate-note" aria-labelledby="candidate-note">
      <h2 id="candidate-note">You are the candidate</h2>
      <p>
        You answer last, once everyone else has {round === 'objections' ? 'answered' : 'consented'}. You may
        also decline the role.
      </p>
      {waiting.length > 0 && <p className="muted">Waiting for {waiting.join(', ')}.</p>}
    </section>
  );
}

export function ElectionObjectionsStage({ view, me }: ElectionStageProps) {
  const proposal = currentProposal(view);
  if (!proposal) return <Proposal view={view} />;
  const isCandidate = proposal.candidateId === me;
  const waiting = isCandidate ? waitingForOthers(view, 'objections').map((p) => p.name) : [];
  const candidate = nameOf(view, proposal.candidateId);
  return (
    <>
      <CandidateCard view={view} proposal={proposal} />
      {isCandidate && <CandidateNote waiting={waiting} round="objections" />}
      <ObjectionRound
        view={view}
        me={me}
        legend={
          isCandidate
            ? 'Do you see an objection to taking this role for this term?'
            : `Do you see an objection to ${candidate} taking this role for this term?`
        }
        waiting={
          waiting.length > 0
            ? 'As the candidate you answer last: wait until everyone else has answered.'
            : undefined
        }
      />
      {isCandidate && <DeclineRole />}
    </>
  );
}

export function ElectionConsentStage({ view, me }: ElectionStageProps) {
  const proposal = currentProposal(view);
  const consent = useSubmit();
  if (!proposal) return <Proposal view={view} />;
  const isCandidate = proposal.candidateId === me;
  const waiting = isCandidate ? waitingForOthers(view, 'consent').map((p) => p.name) : [];
  // C7: a "no objection" or "concern" carries over; the candidate's only while it is last (E4).
  const mine = electionConsentOf(view, me);

  return (
    <>
      <CandidateCard view={view} proposal={proposal} />
      {isCandidate && <CandidateNote waiting={waiting} round="consent" />}
      <section className="card" aria-labelledby="consent-heading">
        <h2 id="consent-heading">Your final answer</h2>
        {mine === 'given' ? (
          <p className="done">
            {isCandidate
              ? 'You accepted the role.'
              : `You consented to ${nameOf(view, proposal.candidateId)}.`}
          </p>
        ) : mine === 'carried' ? (
          <CarriedConsent>
            {isCandidate
              ? 'You accepted the role (carried over from the objection round).'
              : `You consented to ${nameOf(view, proposal.candidateId)} (carried over from the objection round).`}
          </CarriedConsent>
        ) : (
          <>
            {waiting.length > 0 && (
              <p id="accept-waiting" className="refusal">
                You accept last: wait until everyone else has consented.
              </p>
            )}
            <button
              type="button"
              className="primary"
              disabled={consent.busy || waiting.length > 0}
              aria-describedby={waiting.length > 0 ? 'accept-waiting' : undefined}
              onClick={() => consent.submit({ type: 'response.give', kind: 'consent' })}
            >
              {isCandidate ? 'I accept the role' : 'I consent'}
            </button>
            <SubmitStatus state={consent.state} recorded="Consent recorded." />
          </>
        )}
        {!isCandidate && (
          <LateObjection
            reasonLabel="Reason (required): what harm do you see?"
            consequence="An objection now takes the election back to the objection round."
            {...(mine === 'carried' && { openLabel: 'Raise a late objection' })}
          />
        )}
      </section>
      {isCandidate && <DeclineRole />}
      <ConsentSoFar
        view={view}
        candidateId={proposal.candidateId}
        isConsented={(id) => electionConsentOf(view, id) !== undefined}
      />
    </>
  );
}

/** E4: the candidate may decline; the election goes back to the proposal. */
function DeclineRole() {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const { state, submit, busy } = useSubmit();
  return (
    <section className="card" aria-labelledby="decline-heading">
      <h2 id="decline-heading">Decline the role</h2>
      {!open ? (
        <button type="button" className="danger" onClick={() => setOpen(true)}>
          Decline the role
        </button>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit({ type: 'candidate.decline', ...(reason.trim() && { reason }) });
          }}
        >
          <label htmlFor="decline-reason">Reason (optional)</label>
          <textarea id="decline-reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
          <p className="muted">The facilitator then proposes someone else.</p>
          <div className="actions">
            <button type="submit" className="danger" disabled={busy}>
              Yes, decline the role
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      <SubmitStatus state={state} recorded="You declined the role." />
    </section>
  );
}

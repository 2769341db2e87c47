/**
 * DECIDE for a role election: a validated command becomes the events it would record, and the
 * election machine says whether each may happen. The consent check on the candidate goes
 * through the same steps as a decision's (consentCheckDecide.ts). Pure.
 */
import type { Command, CommandOf } from '@circlewise/shared/commands';
import {
  type ElectionStage,
  nextElectionStage,
  previousElectionStage,
  STAGE_LABELS,
} from '@circlewise/shared/constants';
import {
  canElect,
  currentNominee,
  currentProposal,
  type ElectionView,
  othersHaveAnswered,
} from '@circlewise/shared/election';
import type { WireError } from '@circlewise/shared/errors';
import type { EventBody, MeetingEvent } from '@circlewise/shared/events';
import { canEnterConsent } from '@circlewise/shared/rules';
import type { SnapshotFrom } from 'xstate';
import { explainObjectionRefusal, respondInCheck, revealObjectionRound } from './consentCheckDecide';
import { type Caller, type DecideEnv, type Decision, decideWith } from './decideEngine';
import { electionMachine } from './electionMachine';

export type ElectionSnapshot = SnapshotFrom<typeof electionMachine>;

type Body = EventBody;

export function decideElection(
  snapshot: ElectionSnapshot,
  command: Command,
  caller: Caller,
  env: DecideEnv,
): Decision {
  return decideWith(
    {
      machine: electionMachine,
      finished: 'This election is finished: its outcome is recorded.',
      toEvents: (view, by) => toEvents(view, command, by, env),
      explain: (view, event) => explain(view, command, event),
    },
    snapshot,
    command,
    caller,
    env,
  );
}

function toEvents(view: ElectionView, command: Command, me: string, env: DecideEnv): Body[] | WireError {
  const stage = view.stage as ElectionStage;
  switch (command.type) {
    case 'role.set':
      return [
        {
          type: 'role.set',
          role: command.role,
          description: command.description,
          termStart: command.termStart,
          termEnd: command.termEnd,
        },
      ];
    case 'stage.advance':
    case 'stage.back': {
      if (stage !== command.from)
        return err('stale_stage', `The election has already moved on to ${label(stage)}.`);
      const forward = command.type === 'stage.advance';
      if (forward && stage === 'nominations') {
        return err('not_allowed', 'Reveal the nominations: the reveal opens the change round.');
      }
      const to = forward ? nextElectionStage(stage) : previousElectionStage(stage);
      if (!to) {
        return err(
          'not_allowed',
          forward ? 'Consent is the last stage: record the outcome.' : 'The role is the first stage.',
        );
      }
      return [{ type: 'stage.changed', from: stage, to, reason: forward ? 'advance' : 'back' }];
    }
    case 'nomination.give': {
      if (command.nomineeId !== null && view.participants[command.nomineeId]?.present !== true) {
        return err(
          'not_found',
          'That person is not in this meeting: nominate someone present, yourself, or no one yet.',
        );
      }
      return [
        {
          type: 'nomination.given',
          participantId: me,
          sealed: true,
          nomineeId: command.nomineeId,
          ...(command.reason && { reason: command.reason }),
        },
      ];
    }
    case 'nominations.reveal':
      if (stage !== 'nominations') {
        return err(
          'wrong_stage',
          `Nominations are revealed in their round; the election is in ${label(stage)}.`,
        );
      }
      // E1: all at once, and the change round opens with the reveal.
      return [
        {
          type: 'nominations.revealed',
          nominations: Object.values(view.nominations).map((n) => ({
            participantId: n.participantId,
            nomineeId: n.nomineeId ?? null,
            reason: n.reason ?? '',
          })),
        },
        { type: 'stage.changed', from: 'nominations', to: 'changes', reason: 'reveal' },
      ];
    case 'nomination.change':
      return change(view, command, me);
    case 'candidate.propose':
      return propose(view, command);
    case 'candidate.decline': {
      const proposal = currentProposal(view);
      if (!proposal || (stage !== 'objections' && stage !== 'consent')) {
        return err(
          'wrong_stage',
          `The candidate declines during the objection or consent round; the election is in ${label(stage)}.`,
        );
      }
      // What others said in a hidden round stays on the record (R1): it is revealed first.
      return [
        ...revealObjectionRound(view, true),
        {
          type: 'candidate.declined',
          version: proposal.version,
          ...(command.reason && { reason: command.reason }),
        },
        { type: 'stage.changed', from: stage, to: 'proposal', reason: 'declined' },
      ];
    }
    case 'response.give':
      return respondInCheck(view, command, me, env);
    case 'responses.reveal':
      if (stage !== 'objections') {
        return err(
          'wrong_stage',
          `Responses are revealed in the objection round; the election is in ${label(stage)}.`,
        );
      }
      return revealObjectionRound(view);
    case 'objection.test':
      return [{ type: 'objection.tested', objectionId: command.objectionId, verdict: command.verdict }];
    case 'objection.withdraw':
      return [{ type: 'objection.withdrawn', objectionId: command.objectionId }];
    case 'election.record':
      return record(view, command);
    case 'participant.leave':
      return [{ type: 'participant.left', participantId: me, reason: 'left' }];
    case 'participant.markAbsent':
      return [{ type: 'participant.left', participantId: command.participantId, reason: 'marked_absent' }];
    default:
      return err('wrong_stage', 'That belongs to a consent decision; this meeting is a role election.');
  }
}

/** E3: keep or change a nomination; a change says why. */
function change(view: ElectionView, command: CommandOf<'nomination.change'>, me: string): Body[] | WireError {
  const current = currentNominee(view, me);
  if (current === undefined)
    return err('not_allowed', 'You made no nomination, so there is none to keep or change.');
  if (command.nomineeId !== null && view.participants[command.nomineeId]?.present !== true) {
    return err('not_found', 'That person is not in this meeting.');
  }
  const changed = command.nomineeId !== current;
  if (changed && !command.reason) return err('reason_required', 'Say why you change your nomination.');
  return [
    {
      type: 'nomination.changed',
      participantId: me,
      from: current,
      to: command.nomineeId,
      reason: command.reason ?? '',
    },
  ];
}

/** A proposal of a candidate for a term; in the rounds after it, a new one goes back to proposal (E4, C5). */
function propose(view: ElectionView, command: CommandOf<'candidate.propose'>): Body[] | WireError {
  const stage = view.stage as ElectionStage;
  if (!view.role) return err('not_allowed', 'Set the role and its term first.');
  if (stage !== 'proposal' && stage !== 'objections' && stage !== 'consent') {
    return err(
      'wrong_stage',
      `A candidate is proposed after the change round; the election is in ${label(stage)}.`,
    );
  }
  if (view.participants[command.candidateId]?.present !== true) {
    return err('not_found', 'The candidate must be a participant present in this meeting.');
  }
  // As with a decision's amendment: hidden answers would be lost from the record by a new round.
  if (!view.objectionRound.revealed && Object.keys(view.objectionRound.responses).length > 0) {
    return err('not_allowed', 'Reveal the responses first, so what was said is on the record.');
  }
  const proposal = currentProposal(view);
  const proposed: Body = {
    type: 'candidate.proposed',
    version: (proposal?.version ?? 0) + 1,
    candidateId: command.candidateId,
    termStart: command.termStart ?? view.role.termStart,
    termEnd: command.termEnd ?? view.role.termEnd,
    reasons: command.reasons,
    resolves: command.resolves,
  };
  if (stage === 'proposal') return [proposed];
  return [proposed, { type: 'stage.changed', from: stage, to: 'proposal', reason: 'amendment' }];
}

function record(view: ElectionView, command: CommandOf<'election.record'>): Body[] | WireError {
  // The record is complete (R1): whatever is still hidden is revealed as the election ends.
  const reveals: Body[] = [];
  if (!view.nominationsRevealed && Object.keys(view.nominations).length > 0) {
    reveals.push({
      type: 'nominations.revealed',
      nominations: Object.values(view.nominations).map((n) => ({
        participantId: n.participantId,
        nomineeId: n.nomineeId ?? null,
        reason: n.reason ?? '',
      })),
    });
  }
  reveals.push(...revealObjectionRound(view, true));
  const proposal = currentProposal(view);
  const note = command.note !== undefined ? { note: command.note } : {};
  if (command.outcome === 'none') {
    return [
      ...reveals,
      { type: 'election.recorded', outcome: 'none', version: proposal?.version ?? 0, ...note },
    ];
  }
  if (view.stage !== 'consent') {
    return err(
      'wrong_stage',
      `Someone is elected from the consent round; the election is in ${label(view.stage)}.`,
    );
  }
  if (!proposal || !view.role) return err('not_allowed', 'Nobody has been proposed yet.');
  return [
    ...reveals,
    {
      type: 'election.recorded',
      outcome: 'elected',
      version: proposal.version,
      electedId: proposal.candidateId,
      electedName: view.participants[proposal.candidateId]?.name ?? '',
      role: view.role.role,
      termStart: proposal.termStart,
      termEnd: proposal.termEnd,
      ...note,
    },
  ];
}

/** Why the machine refused an event, in words. */
function explain(view: ElectionView, command: Command, event: MeetingEvent): WireError {
  const stage = label(view.stage);
  switch (event.type) {
    case 'stage.changed':
      if (event.to === 'nominations') return err('not_allowed', 'Set the role and its term first.');
      if (event.to === 'objections' && event.from === 'proposal')
        return err('not_allowed', 'Propose a candidate first: a declined proposal no longer stands.');
      if (event.to === 'consent') return canEnterConsent(view) ?? err('not_allowed', 'Not yet.');
      return err('not_allowed', `The election cannot go from ${stage} to ${label(event.to)}.`);
    case 'response.given': {
      const candidate = currentProposal(view)?.candidateId;
      if (event.participantId === candidate && !othersHaveAnswered(view, event.stage)) {
        return err(
          'not_allowed',
          'As the candidate you answer last (E4): wait until everyone else has answered.',
        );
      }
      break;
    }
    case 'election.recorded':
      if (view.stage !== 'consent')
        return err('wrong_stage', `Someone is elected from the consent round; the election is in ${stage}.`);
      return canElect(view) ?? err('not_allowed', 'The outcome cannot be recorded now.');
    case 'candidate.declined':
      return err('forbidden', 'Only the proposed candidate can decline.');
    case 'candidate.proposed':
      return err('not_allowed', 'An amendment can only resolve objections that are still open.');
    case 'nomination.changed':
      return err('wrong_stage', `Nominations are changed in the change round; the election is in ${stage}.`);
    case 'objection.tested':
    case 'objection.withdrawn':
      return explainObjectionRefusal(
        view,
        event,
        `Objections are handled in the objection round; the election is in ${stage}.`,
      );
    case 'participant.left':
      return err('not_found', 'That participant is not present.');
    default:
      break;
  }
  const who = 'participantId' in event ? view.participants[event.participantId] : undefined;
  if (who && !who.present) return err('forbidden', 'You have left this meeting; join again to take part.');
  return err('wrong_stage', `That is not asked for now (${command.type}); the election is in ${stage}.`);
}

const label = (stage: string) => STAGE_LABELS[stage as keyof typeof STAGE_LABELS] ?? stage;
const err = (code: WireError['code'], message: string): WireError => ({ code, message });

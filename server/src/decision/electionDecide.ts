/**
 * A role election's commands as the events they would record. The builders only build: whether
 * each event may happen, and what a person reads when it may not, is the machine's and its rules'
 * (electionMachine.ts, electionRules.ts, consentCheckRules.ts). Pure.
 */
import type { Command, CommandOf } from '@circlewise/shared/commands';
import { type ElectionStage, nextElectionStage, previousElectionStage } from '@circlewise/shared/constants';
import { currentNominee, currentProposal, type ElectionView } from '@circlewise/shared/election';
import { reduceElection } from '@circlewise/shared/electionReducer';
import type { EventBody, MeetingEvent } from '@circlewise/shared/events';
import type { Seated } from '@circlewise/shared/meeting';
import type { Refusal } from '@circlewise/shared/rules';
import { objectionRoundReveal, responseEvents } from './consentCheckRules';
import { consentItemState, type DecideEnv, type ItemLogic, refusal } from './decideEngine';
import { electionMachine } from './electionMachine';
import { electionGuards } from './electionRules';

type View = Seated<ElectionView>;

function toEvents(view: View, command: Command, me: string, env: DecideEnv): EventBody[] | Refusal {
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
    case 'stage.back':
      return stageMove(stage, command);
    case 'nomination.give':
      return [
        {
          type: 'nomination.given',
          participantId: me,
          sealed: true,
          nomineeId: command.nomineeId,
          ...(command.reason && { reason: command.reason }),
        },
      ];
    case 'nominations.reveal':
      if (stage !== 'nominations') {
        return refusal('wrong_stage', 'nominations_reveal_not_now', { stage });
      }
      // E1: all at once, and the change round opens with the reveal.
      return [
        ...nominationsReveal(view),
        { type: 'stage.changed', from: 'nominations', to: 'changes', reason: 'reveal' },
      ];
    case 'nomination.change':
      return [
        {
          type: 'nomination.changed',
          participantId: me,
          from: currentNominee(view, me) ?? null,
          to: command.nomineeId,
          reason: command.reason ?? '',
        },
      ];
    case 'candidate.propose':
      return proposal(view, command);
    case 'candidate.decline':
      return decline(view, command);
    case 'response.give':
      if (stage !== 'objections' && stage !== 'consent') {
        return refusal('wrong_stage', 'election_response_not_now', { stage });
      }
      return responseEvents(view, command, me, env.newId);
    case 'responses.reveal':
      if (stage !== 'objections') {
        return refusal('wrong_stage', 'election_reveal_not_now', { stage });
      }
      return objectionRoundReveal(view);
    case 'objection.test':
      return [{ type: 'objection.tested', objectionId: command.objectionId, verdict: command.verdict }];
    case 'objection.withdraw':
      return [{ type: 'objection.withdrawn', objectionId: command.objectionId }];
    case 'election.record':
      return record(view, command);
    case 'round.order':
    case 'round.pass':
      return refusal('wrong_stage', 'election_no_turns');
    case 'hand.raise':
    case 'hand.lower':
    case 'hand.call':
      return refusal('wrong_stage', 'election_no_queue');
    default:
      return refusal('wrong_stage', 'decision_command_in_election');
  }
}

/** One stage forward or back from where the election is (C1); the change round opens with the reveal (E1). */
function stageMove(
  stage: ElectionStage,
  command: CommandOf<'stage.advance'> | CommandOf<'stage.back'>,
): EventBody[] | Refusal {
  if (stage !== command.from) return refusal('stale_stage', 'election_moved_on', { stage });
  const forward = command.type === 'stage.advance';
  if (forward && stage === 'nominations') {
    return refusal('not_allowed', 'reveal_nominations_first');
  }
  const to = forward ? nextElectionStage(stage) : previousElectionStage(stage);
  if (!to) {
    return refusal('not_allowed', forward ? 'consent_is_last_stage' : 'role_is_first_stage');
  }
  return [{ type: 'stage.changed', from: stage, to, reason: forward ? 'advance' : 'back' }];
}

/** The candidate declines the proposal that stands (E4); what was hidden is revealed first (R1). */
function decline(view: View, command: CommandOf<'candidate.decline'>): EventBody[] | Refusal {
  const stage = view.stage;
  const current = currentProposal(view);
  if (!current || (stage !== 'objections' && stage !== 'consent')) {
    return refusal('wrong_stage', 'decline_not_now', { stage });
  }
  return [
    ...objectionRoundReveal(view, true),
    {
      type: 'candidate.declined',
      version: current.version,
      ...(command.reason && { reason: command.reason }),
    },
    { type: 'stage.changed', from: stage, to: 'proposal', reason: 'declined' },
  ];
}

/** E1: every nomination, as given; nothing when there is none or they are out already. */
function nominationsReveal(view: View, onlyIfHidden = false): EventBody[] {
  const all = Object.values(view.nominations);
  if (onlyIfHidden && (view.nominationsRevealed || all.length === 0)) return [];
  return [
    {
      type: 'nominations.revealed',
      nominations: all.map((n) => ({
        participantId: n.participantId,
        nomineeId: n.nomineeId ?? null,
        reason: n.reason ?? '',
      })),
    },
  ];
}

/** A proposal of a candidate for a term; in the rounds after it, a new one goes back to proposal (E4, C5). */
function proposal(view: View, command: CommandOf<'candidate.propose'>): EventBody[] {
  const proposed: EventBody = {
    type: 'candidate.proposed',
    version: (currentProposal(view)?.version ?? 0) + 1,
    candidateId: command.candidateId,
    termStart: command.termStart ?? view.role?.termStart ?? '',
    termEnd: command.termEnd ?? view.role?.termEnd ?? '',
    reasons: command.reasons,
    resolves: command.resolves,
  };
  if (view.stage !== 'objections' && view.stage !== 'consent') return [proposed];
  return [proposed, { type: 'stage.changed', from: view.stage, to: 'proposal', reason: 'amendment' }];
}

function record(view: View, command: CommandOf<'election.record'>): EventBody[] {
  // The record is complete (R1): whatever is still hidden is revealed as the election ends.
  const reveals = [...nominationsReveal(view, true), ...objectionRoundReveal(view, true)];
  const current = currentProposal(view);
  const note = command.note !== undefined ? { note: command.note } : {};
  if (command.outcome === 'none') {
    return [
      ...reveals,
      { type: 'election.recorded', outcome: 'none', version: current?.version ?? 0, ...note },
    ];
  }
  return [
    ...reveals,
    {
      type: 'election.recorded',
      outcome: 'elected',
      version: current?.version ?? 0,
      electedId: current?.candidateId ?? '',
      electedName: (current && view.participants[current.candidateId]?.name) ?? '',
      role: view.role?.role ?? '',
      termStart: current?.termStart ?? '',
      termEnd: current?.termEnd ?? '',
      ...note,
    },
  ];
}

/** C3: what to say when nothing in the election's present stage takes this event. */
function notNow(view: View, event: MeetingEvent): Refusal {
  const stage = view.stage;
  switch (event.type) {
    case 'stage.changed':
      return refusal('not_allowed', 'election_cannot_move', { from: stage, to: event.to });
    case 'election.recorded':
      return refusal('wrong_stage', 'elect_not_now', { stage });
    case 'candidate.proposed':
      return refusal('wrong_stage', 'propose_not_now', { stage });
    case 'nomination.changed':
      return refusal('wrong_stage', 'nomination_change_not_now', { stage });
    case 'objection.tested':
    case 'objection.withdrawn':
      return refusal('wrong_stage', 'objections_not_now', { stage });
    default:
      return refusal('wrong_stage', 'election_not_asked_now', { event: event.type, stage });
  }
}

export const electionLogic: ItemLogic<ElectionView> = {
  machine: electionMachine,
  guards: electionGuards,
  stateOf: consentItemState,
  finished: 'election_finished',
  toEvents,
  notNow,
  reduce: reduceElection,
};

/**
 * A role election's commands as the events they would record. The builders only build: whether
 * each event may happen, and what a person reads when it may not, is the machine's and its rules'
 * (electionMachine.ts, electionRules.ts, consentCheckRules.ts). Pure.
 */
import type { Command, CommandOf } from '@circlewise/shared/commands';
import {
  type ElectionStage,
  nextElectionStage,
  previousElectionStage,
  STAGE_LABELS,
} from '@circlewise/shared/constants';
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

const label = (stage: string) => STAGE_LABELS[stage as keyof typeof STAGE_LABELS] ?? stage;

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
        return refusal(
          'wrong_stage',
          `Nominations are revealed in their round; the election is in ${label(stage)}.`,
        );
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
        return refusal(
          'wrong_stage',
          `Responses are given during the objection and consent rounds. The meeting is now in ${label(stage)}.`,
        );
      }
      return responseEvents(view, command, me, env.newId);
    case 'responses.reveal':
      if (stage !== 'objections') {
        return refusal(
          'wrong_stage',
          `Responses are revealed in the objection round; the election is in ${label(stage)}.`,
        );
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
      return refusal('wrong_stage', 'Turns and passing belong to a round; this item is a role election.');
    case 'hand.raise':
    case 'hand.lower':
    case 'hand.call':
      return refusal(
        'wrong_stage',
        'The speaking queue belongs to a consent decision’s clarifying questions and objections; this item is a role election.',
      );
    default:
      return refusal('wrong_stage', 'That belongs to a consent decision; this meeting is a role election.');
  }
}

/** One stage forward or back from where the election is (C1); the change round opens with the reveal (E1). */
function stageMove(
  stage: ElectionStage,
  command: CommandOf<'stage.advance'> | CommandOf<'stage.back'>,
): EventBody[] | Refusal {
  if (stage !== command.from)
    return refusal('stale_stage', `The election has already moved on to ${label(stage)}.`);
  const forward = command.type === 'stage.advance';
  if (forward && stage === 'nominations') {
    return refusal('not_allowed', 'Reveal the nominations: the reveal opens the change round.');
  }
  const to = forward ? nextElectionStage(stage) : previousElectionStage(stage);
  if (!to) {
    return refusal(
      'not_allowed',
      forward ? 'Consent is the last stage: record the outcome.' : 'The role is the first stage.',
    );
  }
  return [{ type: 'stage.changed', from: stage, to, reason: forward ? 'advance' : 'back' }];
}

/** The candidate declines the proposal that stands (E4); what was hidden is revealed first (R1). */
function decline(view: View, command: CommandOf<'candidate.decline'>): EventBody[] | Refusal {
  const stage = view.stage;
  const current = currentProposal(view);
  if (!current || (stage !== 'objections' && stage !== 'consent')) {
    return refusal(
      'wrong_stage',
      `The candidate declines during the objection or consent round; the election is in ${label(stage)}.`,
    );
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
  const stage = label(view.stage);
  switch (event.type) {
    case 'stage.changed':
      return refusal('not_allowed', `The election cannot go from ${stage} to ${label(event.to)}.`);
    case 'election.recorded':
      return refusal(
        'wrong_stage',
        `Someone is elected from the consent round; the election is in ${stage}.`,
      );
    case 'candidate.proposed':
      return refusal(
        'wrong_stage',
        `A candidate is proposed after the change round; the election is in ${stage}.`,
      );
    case 'nomination.changed':
      return refusal(
        'wrong_stage',
        `Nominations are changed in the change round; the election is in ${stage}.`,
      );
    case 'objection.tested':
    case 'objection.withdrawn':
      return refusal(
        'wrong_stage',
        `Objections are handled in the objection round; the election is in ${stage}.`,
      );
    default:
      return refusal(
        'wrong_stage',
        `That is not asked for now (${event.type}); the election is in ${stage}.`,
      );
  }
}

export const electionLogic: ItemLogic<ElectionView> = {
  machine: electionMachine,
  guards: electionGuards,
  stateOf: consentItemState,
  finished: 'This election is finished: its outcome is recorded.',
  toEvents,
  notNow,
  reduce: reduceElection,
};

/**
 * A consent decision's commands as the events they would record. The builders here only build:
 * whether each event may happen, and what a person reads when it may not, is the machine's and
 * its rules' (consentDecisionMachine.ts, decisionRules.ts). Pure: the clock and the ids come in.
 */

import type { Command, CommandOf } from '@circlewise/shared/commands';
import { concernLine, concernsByPerson } from '@circlewise/shared/concernRecord';
import { nextStage, previousStage, type ReviewResult } from '@circlewise/shared/constants';
import { defaultReviewDate } from '@circlewise/shared/dates';
import { currentVersion, type DecisionView, isQueueStage } from '@circlewise/shared/decision';
import { reduceDecision } from '@circlewise/shared/decisionReducer';
import type { Agreed, EventBody, MeetingEvent } from '@circlewise/shared/events';
import type { Seated } from '@circlewise/shared/meeting';
import type { RefusalReason } from '@circlewise/shared/refusals';
import type { Refusal } from '@circlewise/shared/rules';
import { objectionRoundReveal, responseEvents } from './consentCheckRules';
import { consentDecisionMachine } from './consentDecisionMachine';
import { consentItemState, type DecideEnv, type ItemLogic, refusal } from './decideEngine';
import { decisionGuards } from './decisionRules';
import { shuffled } from './roundDecide';

type View = Seated<DecisionView>;

/** Where each participant submission is asked for (C3): the wrong-stage message, by event. */
const ASKED_IN = {
  'question.asked': 'question_asked_not_now',
  'reaction.given': 'reaction_given_not_now',
  'response.given': 'response_given_not_now',
  'objection.tested': 'objection_tested_not_now',
  'objection.withdrawn': 'objection_withdrawn_not_now',
  'proposal.edited': 'proposal_edited_not_now',
  'hand.raised': 'hand_raised_not_now',
  'hand.lowered': 'hand_lowered_not_now',
  'hand.called': 'hand_called_not_now',
} as const satisfies Partial<Record<MeetingEvent['type'], RefusalReason>>;

const askedIn = (type: MeetingEvent['type']): RefusalReason & `${string}_not_now` =>
  ASKED_IN[type as keyof typeof ASKED_IN] ?? 'decision_not_now';

function toEvents(view: View, command: Command, me: string, env: DecideEnv): EventBody[] | Refusal {
  const version = currentVersion(view).version;
  switch (command.type) {
    case 'proposal.edit':
      return [{ type: 'proposal.edited', title: command.title, driver: command.driver, text: command.text }];
    case 'proposal.amend':
      return amendment(view, command);
    case 'stage.advance':
    case 'stage.back':
      return stageMove(view, command);
    case 'question.ask':
      return [
        { type: 'question.asked', questionId: env.newId(), participantId: me, text: command.text, version },
      ];
    case 'question.answer':
      return [{ type: 'question.answered', questionId: command.questionId, text: command.text }];
    case 'reaction.give':
      return [
        {
          type: 'reaction.given',
          participantId: me,
          version,
          sealed: !view.reactionsRevealed,
          text: command.text,
          ...(command.gesture !== undefined && { gesture: command.gesture }),
        },
      ];
    case 'response.give':
      if (view.stage !== 'objections' && view.stage !== 'consent') {
        return refusal('wrong_stage', ASKED_IN['response.given'], { stage: view.stage });
      }
      return responseEvents(view, command, me, env.newId);
    case 'responses.reveal':
      if (view.stage !== 'reactions' && view.stage !== 'objections') {
        return refusal('wrong_stage', 'only_hidden_rounds_sealed', { stage: view.stage });
      }
      return view.stage === 'reactions' ? reactionsReveal(view) : objectionRoundReveal(view);
    case 'objection.test':
      return [{ type: 'objection.tested', objectionId: command.objectionId, verdict: command.verdict }];
    case 'objection.withdraw':
      return [{ type: 'objection.withdrawn', objectionId: command.objectionId }];
    case 'outcome.record':
      return outcome(view, command, env);
    case 'hand.raise':
    case 'hand.call': {
      if (!isQueueStage(view.stage)) {
        return refusal('wrong_stage', ASKED_IN['hand.raised'], { stage: view.stage });
      }
      const participantId = command.type === 'hand.raise' ? me : command.participantId;
      return [
        {
          type: command.type === 'hand.raise' ? 'hand.raised' : 'hand.called',
          participantId,
          stage: view.stage,
        },
      ];
    }
    case 'hand.lower':
      return [{ type: 'hand.lowered', participantId: me }];
    case 'round.order':
    case 'round.pass':
      // O1, O2: a decision's reactions round may go in turn, as a round does (reactionTurnRules.ts).
      if (view.stage !== 'reactions') {
        return refusal('wrong_stage', 'decision_turns_not_now', { stage: view.stage });
      }
      if (command.type === 'round.pass') return [{ type: 'round.passed', participantId: me }];
      return command.order
        ? [{ type: 'round.ordered', order: command.order, shuffled: false }]
        : [{ type: 'round.ordered', order: shuffled(view, env), shuffled: true }];
    default:
      return refusal('wrong_stage', 'election_command_in_decision');
  }
}

/** One stage forward or back from where the decision is (C1), from the stage the sender saw. */
function stageMove(
  view: View,
  command: CommandOf<'stage.advance'> | CommandOf<'stage.back'>,
): EventBody[] | Refusal {
  if (view.stage !== command.from) {
    return refusal('stale_stage', 'decision_moved_on', { stage: view.stage });
  }
  const forward = command.type === 'stage.advance';
  const to = forward ? nextStage(command.from) : previousStage(command.from);
  if (!to) {
    return refusal('not_allowed', forward ? 'consent_is_last_stage' : 'proposal_is_first_stage');
  }
  return [{ type: 'stage.changed', from: command.from, to, reason: forward ? 'advance' : 'back' }];
}

/** A new version; in the consent round it sends the meeting back to check it (C5). */
function amendment(view: View, command: CommandOf<'proposal.amend'>): EventBody[] {
  const current = currentVersion(view);
  const amended: EventBody = {
    type: 'proposal.amended',
    version: current.version + 1,
    driver: command.driver ?? current.driver,
    text: command.text,
    resolves: command.resolves,
  };
  if (view.stage !== 'consent') return [amended];
  return [amended, { type: 'stage.changed', from: 'consent', to: 'objections', reason: 'amendment' }];
}

/** The reveal of the reactions round, carrying what was said (an empty one when already revealed). */
function reactionsReveal(view: View, onlyIfHidden = false): EventBody[] {
  const hidden = Object.values(view.reactions);
  if (view.reactionsRevealed || hidden.length === 0) {
    return onlyIfHidden
      ? []
      : [{ type: 'responses.revealed', stage: 'reactions', reactions: [], responses: [] }];
  }
  return [
    {
      type: 'responses.revealed',
      stage: 'reactions',
      reactions: hidden.map((r) => ({
        participantId: r.participantId,
        text: r.text ?? '',
        ...(r.gesture !== undefined && { gesture: r.gesture }),
      })),
      responses: [],
    },
  ];
}

function outcome(view: View, command: CommandOf<'outcome.record'>, env: DecideEnv): EventBody[] {
  const extras = {
    ...(command.responsible !== undefined && { responsible: command.responsible }),
    ...(command.evaluation !== undefined && { evaluation: command.evaluation }),
  };
  const reviewDate =
    command.outcome === 'adopted'
      ? (command.reviewDate ?? defaultReviewDate(env.now, env.reviewMonths))
      : command.reviewDate;
  return [
    // The record is complete: whatever is still hidden is revealed as the decision ends (R1).
    ...reactionsReveal(view, true),
    ...objectionRoundReveal(view, true),
    {
      type: 'outcome.recorded',
      outcome: command.outcome,
      version: currentVersion(view).version,
      ...(reviewDate !== undefined && { reviewDate }),
      ...(command.note !== undefined && { note: command.note }),
      ...extras,
      ...(command.outcome === 'adopted' && { agreed: agreedOf(view, command.review, extras) }),
    },
  ];
}

/**
 * R3: what an adoption puts in the circle's register: the current version, the concerns on
 * record for it (C5: those given to an earlier version were asked again), and for a review
 * whether the agreement was kept, evolved or dropped. Unless the facilitator says which, a
 * review that amended the proposal, or edited the pre-filled text, evolves it; otherwise it is
 * kept. A drop is only ever said by the facilitator.
 */
function agreedOf(
  view: View,
  review: ReviewResult | undefined,
  extras: Pick<Agreed, 'responsible' | 'evaluation'>,
): Agreed {
  const current = currentVersion(view);
  // One line per person with a concern on this version: the latest wording, and the versions
  // they gave it on when more than one ("Ana (v2, v3): …").
  const concerns = concernsByPerson(view.concerns)
    .filter((c) => c.version === current.version)
    .map((c) => concernLine(view.participants[c.participantId]?.name ?? 'Someone', c));
  const agreed: Agreed = {
    title: current.title,
    driver: current.driver,
    text: current.text,
    concerns,
    ...extras,
  };
  if (view.reviewOf === undefined) return agreed;
  const base = view.reviewBase;
  const changed =
    view.versions.length > 1 ||
    (base !== undefined && (base.driver !== current.driver || base.text !== current.text));
  return { ...agreed, reviewOf: view.reviewOf, review: review ?? (changed ? 'evolve' : 'keep') };
}

/** C3: what to say when nothing in the decision's present stage takes this event. */
function notNow(view: View, event: MeetingEvent): Refusal {
  const stage = view.stage;
  switch (event.type) {
    case 'stage.changed':
      return refusal('not_allowed', 'decision_cannot_move', { from: stage, to: event.to });
    case 'outcome.recorded':
      return refusal('wrong_stage', 'adopted_from_consent', { stage });
    default:
      return refusal('wrong_stage', askedIn(event.type), { stage });
  }
}

export const decisionLogic: ItemLogic<DecisionView> = {
  machine: consentDecisionMachine,
  guards: decisionGuards,
  stateOf: consentItemState,
  finished: 'decision_finished',
  toEvents,
  notNow,
  reduce: reduceDecision,
};

/**
 * DECIDE: turn a validated command into the events it would record, and let the machine say
 * whether each may happen (`snapshot.can`). Pure: the clock and the id source are passed in.
 * Caller permissions (C2, S1) are checked before this, in the gateway's permissions table.
 */
import type { Command, CommandOf } from '@circlewise/shared/commands';
import {
  type ConsentStage,
  DEFAULT_REVIEW_MONTHS,
  nextStage,
  previousStage,
  type ReviewResult,
  STAGE_LABELS,
} from '@circlewise/shared/constants';
import { addMonths, isoDay } from '@circlewise/shared/dates';
import { currentVersion, type DecisionView } from '@circlewise/shared/decision';
import type { WireError } from '@circlewise/shared/errors';
import type { Agreed, EventBody, MeetingEvent } from '@circlewise/shared/events';
import { canAdopt, canEnterConsent, canPresent } from '@circlewise/shared/rules';
import type { SnapshotFrom } from 'xstate';
import {
  badReveal,
  explainObjectionRefusal,
  respondInCheck,
  revealObjectionRound,
} from './consentCheckDecide';
import { consentDecisionMachine } from './consentDecisionMachine';
import { type Caller, type DecideEnv, type Decision, decideWith } from './decideEngine';

export type DecisionSnapshot = SnapshotFrom<typeof consentDecisionMachine>;

type Body = EventBody;

/** Where each participant submission is asked for (C3): used for the wrong-stage message. */
const ASKED_IN: Partial<Record<Command['type'], string>> = {
  'question.ask': 'Questions are asked during clarifying questions.',
  'reaction.give': 'Reactions are given during the reactions round.',
  'response.give': 'Responses are given during the objection and consent rounds.',
  'objection.test': 'Objections are tested during the objections stage.',
  'objection.withdraw': 'Objections are withdrawn during the objections stage.',
  'proposal.edit': 'The proposal is edited before it is presented.',
};

export function decide(
  snapshot: DecisionSnapshot,
  command: Command,
  caller: Caller,
  env: DecideEnv,
): Decision {
  return decideWith(
    {
      machine: consentDecisionMachine,
      finished: 'This decision is finished: its outcome is recorded.',
      toEvents: (view) => toEvents(view, command, caller, env),
      explain: (view, event) => explain(view, command, event),
    },
    snapshot,
    command,
    caller,
    env,
  );
}

function toEvents(view: DecisionView, command: Command, caller: Caller, env: DecideEnv): Body[] | WireError {
  const me = caller.role === 'participant' ? caller.participantId : '';
  const version = currentVersion(view).version;
  switch (command.type) {
    case 'proposal.edit':
      if (view.presentedAt !== undefined) {
        return err('not_allowed', 'The proposal has been presented: amend it to make a new version (C5).');
      }
      return [{ type: 'proposal.edited', title: command.title, driver: command.driver, text: command.text }];
    case 'proposal.amend':
      return amend(view, command);
    case 'stage.advance':
    case 'stage.back': {
      if (view.stage !== command.from) {
        return err('stale_stage', `The meeting has already moved on to ${STAGE_LABELS[view.stage]}.`);
      }
      const forward = command.type === 'stage.advance';
      const to = forward ? nextStage(command.from) : previousStage(command.from);
      if (!to) {
        return err(
          'not_allowed',
          forward ? 'Consent is the last stage: record the outcome.' : 'The proposal is the first stage.',
        );
      }
      return [{ type: 'stage.changed', from: command.from, to, reason: forward ? 'advance' : 'back' }];
    }
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
      return respondInCheck(view, command, me, env);
    case 'responses.reveal':
      if (view.stage !== 'reactions' && view.stage !== 'objections') {
        return err(
          'wrong_stage',
          `Only reactions and objection-round responses are hidden; the meeting is in ${STAGE_LABELS[view.stage]}.`,
        );
      }
      return reveal(view, view.stage);
    case 'objection.test':
      return [{ type: 'objection.tested', objectionId: command.objectionId, verdict: command.verdict }];
    case 'objection.withdraw':
      return [{ type: 'objection.withdrawn', objectionId: command.objectionId }];
    case 'outcome.record': {
      // R3: someone responsible and evaluation criteria belong to an adopted agreement. Given with
      // another outcome, the command contradicts itself whatever the meeting's state, so it is an
      // invalid payload (not `not_allowed`, which says "not now"): dropping them silently would
      // lose what the facilitator typed without telling them.
      const extras = agreementExtras(command);
      if (command.outcome !== 'adopted' && Object.keys(extras).length > 0) {
        return err(
          'invalid_payload',
          `Who is responsible and the evaluation criteria belong to an adopted agreement; leave them out to record the decision as ${command.outcome}.`,
        );
      }
      const reviewDate =
        command.outcome === 'adopted'
          ? (command.reviewDate ?? defaultReviewDate(env.now, env.reviewMonths))
          : command.reviewDate;
      // The record is complete: whatever is still hidden is revealed as the decision ends (R1).
      const reveals = [...reveal(view, 'reactions', true), ...reveal(view, 'objections', true)];
      return [
        ...reveals,
        {
          type: 'outcome.recorded',
          outcome: command.outcome,
          version,
          ...(reviewDate !== undefined && { reviewDate }),
          ...(command.note !== undefined && { note: command.note }),
          ...extras,
          ...(command.outcome === 'adopted' && { agreed: agreedOf(view, command.review, extras) }),
        },
      ];
    }
    case 'participant.leave':
      return [{ type: 'participant.left', participantId: me, reason: 'left' }];
    case 'participant.markAbsent':
      return [{ type: 'participant.left', participantId: command.participantId, reason: 'marked_absent' }];
    default:
      return err('wrong_stage', 'That belongs to a role election; this meeting is a consent decision.');
  }
}

function amend(view: DecisionView, command: CommandOf<'proposal.amend'>): Body[] | WireError {
  const current = currentVersion(view);
  const driver = command.driver ?? current.driver;
  if (driver === current.driver && command.text === current.text) {
    return err(
      'not_allowed',
      `Version ${current.version + 1} would be the same as version ${current.version}.`,
    );
  }
  // A new version starts a new objection round (C5). Responses still hidden in this one would
  // never be revealed or recorded: an objection would vanish without a fate (C8, R1).
  const round = view.objectionRound;
  if (!round.revealed && Object.keys(round.responses).length > 0) {
    return err(
      'not_allowed',
      'Reveal the responses first: an amendment starts a new round, and what was said in this one goes on the record.',
    );
  }
  const amended: Body = {
    type: 'proposal.amended',
    version: current.version + 1,
    driver,
    text: command.text,
    resolves: command.resolves,
  };
  // C5: a new version in the consent round sends the meeting back to check it for objections.
  if (view.stage === 'consent') {
    return [amended, { type: 'stage.changed', from: 'consent', to: 'objections', reason: 'amendment' }];
  }
  return [amended];
}

/** The reveal of a hidden round (C10), carrying what was said so every screen can show it. */
function reveal(view: DecisionView, stage: 'reactions' | 'objections', onlyIfHidden = false): Body[] {
  if (stage === 'reactions') {
    const hidden = Object.values(view.reactions);
    if (view.reactionsRevealed || (onlyIfHidden && hidden.length === 0))
      return onlyIfHidden ? [] : [badReveal('reactions')];
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
  return revealObjectionRound(view, onlyIfHidden);
}

/**
 * R3: what an adoption puts in the circle's register: the current version, the concerns on
 * record for it (C5: those given to an earlier version were asked again), and for a review
 * whether the agreement was kept, evolved or dropped. Unless the facilitator says which, a
 * review that amended the proposal, or edited the pre-filled text, evolves it; otherwise it is
 * kept. A drop is only ever said by the facilitator.
 */
function agreedOf(
  view: DecisionView,
  review: ReviewResult | undefined,
  extras: Pick<Agreed, 'responsible' | 'evaluation'>,
): Agreed {
  const current = currentVersion(view);
  const concerns = view.concerns
    .filter((c) => c.version === current.version)
    .map((c) => `${view.participants[c.participantId]?.name ?? 'Someone'}: ${c.reason}`);
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

/** R3: who is responsible and the evaluation criteria, as given (absent ones left out). */
function agreementExtras(command: CommandOf<'outcome.record'>): Pick<Agreed, 'responsible' | 'evaluation'> {
  return {
    ...(command.responsible !== undefined && { responsible: command.responsible }),
    ...(command.evaluation !== undefined && { evaluation: command.evaluation }),
  };
}

/** Why the machine refused an event, in words a facilitator or participant can act on. */
function explain(view: DecisionView, command: Command, event: MeetingEvent): WireError {
  const stage = STAGE_LABELS[view.stage];
  switch (event.type) {
    case 'stage.changed': {
      const refusal =
        event.to === 'consent' ? canEnterConsent(view) : event.to === 'clarifying' ? canPresent(view) : null;
      return refusal ?? err('not_allowed', `Cannot move from ${stage} to ${STAGE_LABELS[event.to]}.`);
    }
    case 'outcome.recorded':
      if (view.stage !== 'consent') {
        return err(
          'wrong_stage',
          `A decision is adopted from the consent round; the meeting is in ${stage}.`,
        );
      }
      return canAdopt(view) ?? err('not_allowed', 'The outcome cannot be recorded now.');
    case 'responses.revealed':
      return view.stage === 'reactions' || view.stage === 'objections'
        ? err('not_allowed', 'These responses are already revealed.')
        : err(
            'wrong_stage',
            `Only reactions and objection-round responses are hidden; the meeting is in ${stage}.`,
          );
    case 'objection.tested':
    case 'objection.withdrawn':
      return explainObjectionRefusal(view, event, `${ASKED_IN[command.type]} The meeting is in ${stage}.`);
    case 'question.answered':
      return err('not_found', 'No such question.');
    case 'proposal.amended':
      if (view.presentedAt === undefined)
        return err('not_allowed', 'Edit the proposal: it has not been presented yet.');
      return err('not_allowed', 'An amendment can only resolve objections that are still open.');
    case 'participant.left':
      return err('not_found', 'That participant is not present.');
    default: {
      const who = 'participantId' in event ? view.participants[event.participantId] : undefined;
      if (who && !who.present)
        return err('forbidden', 'You have left this meeting; join again to take part.');
      const hint = ASKED_IN[command.type] ?? 'That is not possible at this point.';
      return err('wrong_stage', `${hint} The meeting is in ${stage}.`);
    }
  }
}

/** C9: the review date when none is given: the circle's period (or six months) from today, UTC. */
export function defaultReviewDate(now: number, months = DEFAULT_REVIEW_MONTHS): string {
  return addMonths(isoDay(new Date(now), 'utc'), months);
}

const err = (code: WireError['code'], message: string): WireError => ({ code, message });

export type { ConsentStage };

/**
 * DECIDE for the consent check that a decision and an election share: responses in the
 * objection and consent rounds (C3–C5, C8, C10) and the reveal of the objection round. One copy
 * for both kinds of meeting.
 */
import type { CommandOf } from '@circlewise/shared/commands';
import { STAGE_LABELS } from '@circlewise/shared/constants';
import type { WireError } from '@circlewise/shared/errors';
import type { EventBody } from '@circlewise/shared/events';
import type { CheckView } from './consentCheckGuards';

type Body = EventBody;

interface Env {
  newId: () => string;
}

const err = (code: WireError['code'], message: string): WireError => ({ code, message });
const stageLabel = (stage: string) => STAGE_LABELS[stage as keyof typeof STAGE_LABELS] ?? stage;

export function respondInCheck(
  view: CheckView & { stage: string },
  command: CommandOf<'response.give'>,
  me: string,
  env: Env,
): Body[] | WireError {
  const version = view.consentRound.version;
  const given = (stage: 'objections' | 'consent', sealed: boolean): Body => ({
    type: 'response.given',
    responseId: env.newId(),
    participantId: me,
    stage,
    version,
    sealed,
    kind: command.kind,
    ...(command.reason && { reason: command.reason }),
  });
  if (view.stage === 'objections') {
    const round = view.objectionRound;
    const before = round.responses[me];
    // Before the reveal a response may be replaced freely. After it, others have seen it: it can
    // still change, but an objection that is still open is withdrawn first (C8), so its fate
    // stays on the record.
    if (round.revealed && before) {
      const open = view.objections.find(
        (o) => o.id === before.id && (o.status === 'raised' || o.status === 'qualified'),
      );
      if (open)
        return err(
          'not_allowed',
          'You have objected already: withdraw the objection first if it no longer holds.',
        );
      if (before.kind === command.kind && (before.reason ?? '') === (command.reason ?? '')) {
        return err('not_allowed', 'This response is recorded already.');
      }
    }
    return [given('objections', !round.revealed)];
  }
  if (view.stage === 'consent') {
    if (command.kind === 'consent') return [given('consent', false)];
    if (command.kind === 'concern') {
      return err(
        'not_allowed',
        'In the consent round you consent, or object (which reopens the objection round).',
      );
    }
    // A late objection reopens the objection round on the same version.
    return [
      { type: 'stage.changed', from: 'consent', to: 'objections', reason: 'late_objection' },
      given('objections', !view.objectionRound.revealed),
    ];
  }
  return err(
    'wrong_stage',
    `Responses are given during the objection and consent rounds. The meeting is now in ${stageLabel(view.stage)}.`,
  );
}

/** C10: the reveal of the objection round, carrying what was said so every screen can show it. */
export function revealObjectionRound(view: CheckView, onlyIfHidden = false): Body[] {
  const round = view.objectionRound;
  const responses = Object.values(round.responses);
  if (round.revealed || (onlyIfHidden && responses.length === 0)) {
    return onlyIfHidden ? [] : [badReveal('objections')];
  }
  return [
    {
      type: 'responses.revealed',
      stage: 'objections',
      reactions: [],
      responses: responses.map((r) => ({
        responseId: r.id,
        participantId: r.participantId,
        kind: r.kind ?? 'consent',
        ...(r.reason !== undefined && { reason: r.reason }),
      })),
    },
  ];
}

/**
 * A reveal of a round already revealed, which the machine refuses; `explain` then says why. It
 * names the round asked for: an empty reveal of the *other* round would be accepted, and would
 * unseal that round with nothing revealed.
 */
export function badReveal(stage: 'reactions' | 'objections'): Body {
  return { type: 'responses.revealed', stage, reactions: [], responses: [] };
}

/**
 * Why a test or a withdrawal of an objection was refused (C2, C8), in words. The stage first:
 * an objection still open after going back a stage is not "already raised".
 */
export function explainObjectionRefusal(
  view: CheckView & { stage: string },
  event: { type: 'objection.tested' | 'objection.withdrawn'; objectionId: string; by: string },
  wrongStage: string,
): WireError {
  if (view.stage !== 'objections') return err('wrong_stage', wrongStage);
  const o = view.objections.find((x) => x.id === event.objectionId);
  if (!o) return err('not_found', 'No such objection (it shows once the responses are revealed).');
  if (event.type === 'objection.withdrawn' && o.participantId !== event.by) {
    return err('forbidden', 'Only the person who raised an objection can withdraw it.');
  }
  return err('not_allowed', `This objection is already ${o.status}.`);
}

import type { Stage } from '@circlewise/shared/constants';

/** What is asked of a participant now, in one or two sentences (PROCESS.md, consent decision). */
export const STAGE_ASKS: Record<Stage, string> = {
  proposal: 'The facilitator is preparing the proposal.',
  clarifying: 'Ask questions to understand the proposal. Opinions come in the next round.',
  reactions: 'Give a short reaction: how does this proposal land with you?',
  objections:
    'Do you see harm this proposal would cause, or a worthwhile way to improve it? Consent means “I see no objection”, not that you love it.',
  consent: 'Final check: consent to this version, or raise an objection if you now see one.',
  outcome: 'This decision is finished.',
};

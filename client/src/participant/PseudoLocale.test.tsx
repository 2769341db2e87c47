import type { DecisionView } from '@circlewise/shared/decision';
import { PSEUDO_OPEN } from '@circlewise/shared/i18n/pseudo';
import type { Seated } from '@circlewise/shared/meeting';
import { act, render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n';
import { ANA, BEN, MeetingScript, uuidFor } from '../test/meetingScript';
import { renderParticipant } from '../test/renderParticipant';
import { renderRound } from '../test/renderRound';
import { RoundScript } from '../test/roundScript';
import { RoundStage } from './round/RoundStage';

/** What people typed (names, titles, proposals, questions): shown as typed, in any language. */
function typedBy(view: Seated<DecisionView>): Set<string> {
  const typed = new Set<string>([view.title]);
  for (const p of Object.values(view.participants)) typed.add(p.name);
  for (const v of view.versions) for (const text of [v.title, v.driver, v.text]) if (text) typed.add(text);
  for (const q of view.questions) typed.add(q.text);
  for (const o of view.objections) typed.add(o.reason);
  return typed;
}

/**
 * Every text node and accessible name with a letter in it that is neither pseudo-localised nor
 * typed by someone: a string that did not come from a catalogue. The language menu's options are
 * each language's own name, on purpose.
 */
function untranslated(root: HTMLElement, typed: Set<string>): string[] {
  const found: string[] = [];
  const check = (text: string) => {
    // A typed text may follow a separator in the same text node (": reason").
    const trimmed = text.trim().replace(/^[:·,\s]+/, '');
    if (/[A-Za-z]/.test(trimmed) && !trimmed.includes(PSEUDO_OPEN) && !typed.has(trimmed))
      found.push(trimmed);
  };
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement?.closest('option')) continue;
    check(node.textContent ?? '');
  }
  for (const el of root.querySelectorAll('[aria-label], [title], [placeholder]')) {
    for (const attr of ['aria-label', 'title', 'placeholder']) {
      const value = el.getAttribute(attr);
      if (value) check(value);
    }
  }
  return found;
}

const STAGES = {
  proposal: () =>
    new MeetingScript().join(ANA, 'Ana').join(BEN, 'Ben').propose('Dry soil.', 'Water on Mondays.'),
  clarifying: () =>
    MeetingScript.at('clarifying')
      .add({
        type: 'question.asked',
        questionId: uuidFor(100),
        participantId: BEN,
        text: 'Which plants?',
        version: 1,
        by: BEN,
      })
      .add({ type: 'question.answered', questionId: uuidFor(100), text: 'All of them.', by: 'facilitator' })
      .add({ type: 'hand.raised', participantId: BEN, stage: 'clarifying', by: BEN }),
  reactions: () =>
    MeetingScript.at('reactions').add({
      type: 'reaction.given',
      participantId: BEN,
      version: 1,
      sealed: true,
      text: 'Love it',
      gesture: 'up',
      by: BEN,
    }),
  objections: () =>
    MeetingScript.at('objections')
      .add({
        type: 'response.given',
        responseId: uuidFor(200),
        participantId: BEN,
        stage: 'objections',
        version: 1,
        sealed: true,
        kind: 'objection',
        reason: 'Ben is away in March.',
        by: BEN,
      })
      .add({
        type: 'responses.revealed',
        stage: 'objections',
        reactions: [],
        responses: [
          {
            responseId: uuidFor(200),
            participantId: BEN,
            kind: 'objection',
            reason: 'Ben is away in March.',
          },
        ],
        by: 'facilitator',
      }),
  consent: () => MeetingScript.at('consent'),
  outcome: () =>
    MeetingScript.at('consent').add({
      type: 'outcome.recorded',
      outcome: 'adopted',
      version: 1,
      reviewDate: '2025-07-15',
      note: 'Start next week',
      by: 'facilitator',
    }),
};

describe('phone in the pseudo-locale (L3)', () => {
  for (const [stage, script] of Object.entries(STAGES)) {
    it(`[L3] the ${stage} stage renders no untranslated text in pseudo`, async () => {
      await act(() => i18n.changeLanguage('pseudo'));
      const s = script();
      const { container } = renderParticipant(s, ANA);
      expect(container.textContent).toContain(PSEUDO_OPEN);
      expect(
        untranslated(document.body, typedBy(s.viewFor({ role: 'participant', participantId: ANA }))),
      ).toEqual([]);
    });
  }

  it('[L3] a round, in turn with one entry, renders no untranslated text in pseudo', async () => {
    await act(() => i18n.changeLanguage('pseudo'));
    const script = RoundScript.open('Check-in').order([ANA, BEN]).speak(ANA, 'Glad to be here.');
    const view = script.view();
    renderRound(<RoundStage view={view} me={BEN} />);
    const typed = new Set([
      view.title,
      'Glad to be here.',
      ...Object.values(view.participants).map((p) => p.name),
    ]);
    expect(untranslated(document.body, typed)).toEqual([]);
  });

  it('[L3] the check catches a literal English string', () => {
    const { container } = render(
      <p>
        <span>⟦Ţŕáñšĺáţéď~~⟧</span> <span>Plain English</span>
      </p>,
    );
    expect(untranslated(container, new Set())).toEqual(['Plain English']);
  });

  it('[L4] the document follows the language: pseudo-rtl is right-to-left, English left-to-right', async () => {
    await act(() => i18n.changeLanguage('pseudo-rtl'));
    expect(document.documentElement.dir).toBe('rtl');
    await act(() => i18n.changeLanguage('nl'));
    expect(document.documentElement.dir).toBe('ltr');
    expect(document.documentElement.lang).toBe('nl');
  });
});

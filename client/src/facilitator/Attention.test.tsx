import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ANA, BEN, fakeSend, MeetingScript, uuidFor } from '../test/meetingScript';
import { renderWithMeeting } from '../test/renderMeeting';
import { Console } from './Console';

function renderConsole(script: MeetingScript, send = fakeSend()) {
  const view = script.viewFor({ role: 'facilitator' });
  return { send, ...renderWithMeeting(<Console />, view, send, { role: 'facilitator', online: {} }) };
}

const asked = (script: MeetingScript) =>
  script.add({
    type: 'question.asked',
    questionId: uuidFor(700),
    participantId: ANA,
    text: 'Which plants?',
    version: 1,
    by: ANA,
  });

describe('console, attention first', () => {
  it('a new question is at the top, counted in the tab title with the meeting and the stage', () => {
    renderConsole(asked(MeetingScript.at('clarifying')));
    const strip = screen.getByRole('region', { name: /Needs you now/ });
    expect(within(strip).getByText(/Which plants\?/)).toBeTruthy();
    expect(within(strip).getByRole('link', { name: 'Answer' }).getAttribute('href')).toBe(
      `#answer-${uuidFor(700)}`,
    );
    expect(document.title).toMatch(/^\(1\) .* · Clarifying questions · /);
  });

  it('says who the stage still waits for, and nothing is counted when nothing is asked', () => {
    const script = MeetingScript.at('reactions').add({
      type: 'reaction.given',
      participantId: BEN,
      text: 'Fine.',
      version: 1,
      sealed: false,
      by: BEN,
    });
    renderConsole(script);
    const strip = screen.getByRole('region', { name: /Needs you now/ });
    expect(within(strip).getByText(/Waiting for 2:/)).toBeTruthy();
    expect(within(strip).queryByText(/Ben/)).toBeNull();
    expect(document.title).not.toMatch(/^\(/);
  });

  it('[O3] a raised hand is at the top, in order, with a link to call the next speaker, and counted', () => {
    const raise = (participantId: string) =>
      ({ type: 'hand.raised', participantId, stage: 'clarifying', by: participantId }) as const;
    renderConsole(MeetingScript.at('clarifying').add(raise(BEN)).add(raise(ANA)));
    const strip = screen.getByRole('region', { name: /Needs you now/ });
    expect(within(strip).getByText(/2 hands are raised:/).parentElement?.textContent).toMatch(/Ben, Ana/);
    expect(within(strip).getByRole('link', { name: 'Call the next speaker' }).getAttribute('href')).toBe(
      '#queue-heading',
    );
    expect(document.title).toMatch(/^\(1\) /);
  });

  it('has a skip link to the current stage', () => {
    renderConsole(MeetingScript.at('clarifying'));
    const skip = screen.getByRole('link', { name: 'Skip to the current stage' });
    const target = document.querySelector(skip.getAttribute('href')!);
    expect(target?.tagName).toBe('MAIN');
  });

  it('before consent, only withdrawing or deferring can be recorded, from a small control', async () => {
    renderConsole(MeetingScript.at('clarifying'));
    expect(screen.queryByRole('form', { name: 'Record the outcome' })).toBeNull();
    await userEvent.click(screen.getByText('Withdraw or defer the proposal…'));
    const form = screen.getByRole('form', { name: 'Withdraw or defer' });
    expect(within(form).queryByRole('radio', { name: 'Adopted' })).toBeNull();
    expect(within(form).getByRole('radio', { name: 'Withdrawn' })).toBeTruthy();
  });

  it('in consent the whole outcome form shows, adoption first', () => {
    renderConsole(MeetingScript.at('consent'));
    const form = screen.getByRole('form', { name: 'Record the outcome' });
    expect(within(form).getByRole('radio', { name: 'Adopted' })).toBeTruthy();
  });
});

import type { AnyStage } from '@circlewise/shared/constants';
import { type ReactNode, useRef } from 'react';
import { AgendaStrip } from '../agenda/AgendaStrip';
import { ConnectionBanner } from '../components/ConnectionBanner';
import { Countdown } from '../components/Countdown';
import { StageAnnouncer } from '../components/StageAnnouncer';
import { useT } from '../i18n';
import { LanguageMenu } from '../i18n/LanguageMenu';
import { LeaveButton } from './LeaveButton';
import { NotPresentNotice } from './NotPresentNotice';
import { useStageFocus } from './useStageFocus';

/**
 * The phone's page around any stage, of a decision, an election or a round: who and where, what
 * the stage asks, the stage itself with a way to leave; or, once this person is no longer
 * present, why not.
 */
export function ParticipantFrame({
  context,
  name,
  stage,
  heading,
  ask,
  present,
  children,
}: {
  /** What meeting this is, before this person's name. */
  context: string;
  name: string | undefined;
  stage: AnyStage | 'open' | 'outcome';
  /** The page's heading: the stage's name unless told (a round is headed by its title). */
  heading?: string;
  ask: string;
  present: boolean;
  /** The stage's own component, keyed by stage. */
  children: ReactNode;
}) {
  const t = useT('common');
  heading ??= t(`stage.${stage}`);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const mainRef = useRef<HTMLElement>(null);
  useStageFocus(`${stage}:${heading}`, headingRef, mainRef);
  return (
    <div className="page participant">
      <ConnectionBanner />
      <StageAnnouncer />
      <AgendaStrip />
      <header className="stage-header">
        <p className="eyebrow">
          {context} · {name}
        </p>
        <h1 ref={headingRef} tabIndex={-1}>
          {heading}
        </h1>
        <p className="ask">{ask}</p>
        <Countdown hideable />
      </header>
      {present || stage === 'outcome' ? (
        <main ref={mainRef}>
          {children}
          {stage !== 'outcome' && <LeaveButton />}
        </main>
      ) : (
        <NotPresentNotice />
      )}
      <footer className="phone-footer">
        <LanguageMenu />
      </footer>
    </div>
  );
}

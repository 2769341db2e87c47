/**
 * One countdown for every screen (T2, T3): the phone's stage view, the console and the projector
 * show the current stage's timebox, counting down to the server's absolute deadline on this
 * device's clock corrected by its offset from the server's (learnt on join and resync). At zero
 * it says "Time is up" and nothing else happens: the facilitator decides what comes next.
 * Screen readers hear it only at thresholds, from a visually hidden live region; the clock itself
 * is a `timer`, which is not read out each second. A participant may hide it (kept on the device).
 */
import { formatClock, secondsLeft, thresholdAt, thresholdText } from '@circlewise/shared/countdown';
import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n';
import { useMeeting } from '../store/MeetingContext';

export const HIDE_COUNTDOWN_KEY = 'circlewise.countdownHidden';

/** The current stage's countdown, or nothing when it has no timebox. */
export function Countdown({ hideable = false, className }: { hideable?: boolean; className?: string }) {
  const timebox = useMeeting((s) => s.meeting?.timebox);
  const offset = useMeeting((s) => s.clockOffset ?? 0);
  if (!timebox) return null;
  return (
    <CountdownClock
      // A new stage's timebox starts afresh: no threshold carried over from the last one.
      key={`${timebox.itemId}:${timebox.stage}:${timebox.setAt}`}
      deadline={timebox.deadline}
      offset={offset}
      hideable={hideable}
      className={className}
    />
  );
}

export function CountdownClock({
  deadline,
  offset,
  hideable = false,
  className,
}: {
  /** The server's absolute deadline (ms since the epoch, server clock). */
  deadline: number;
  /** The server's clock minus this device's. */
  offset: number;
  hideable?: boolean;
  className?: string;
}) {
  const t = useT('common');
  const [now, setNow] = useState(() => Date.now());
  const [hidden, setHidden] = useState(() => hideable && readHidden());
  const seconds = secondsLeft(deadline, now, offset);
  const up = seconds <= 0;

  useEffect(() => {
    if (up) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [up]);

  // T3: announce when a threshold is crossed, not on mount and not each second.
  const threshold = thresholdAt(seconds);
  const last = useRef(threshold);
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => {
    if (threshold === last.current) return;
    const crossed = threshold !== null && (last.current === null || threshold < last.current);
    last.current = threshold;
    setAnnouncement(crossed ? thresholdText(threshold) : '');
  }, [threshold]);

  const toggle = () => {
    const next = !hidden;
    setHidden(next);
    writeHidden(next);
  };

  return (
    <div className={`countdown${up ? ' countdown-up' : ''}${className ? ` ${className}` : ''}`}>
      {!hidden && (
        <p className="countdown-clock" role="timer" aria-label={t('countdown.label')}>
          {up ? t('countdown.up') : formatClock(seconds)}
        </p>
      )}
      <p className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="countdown-announcer">
        {hidden ? '' : announcement}
      </p>
      {hideable && (
        <button type="button" className="small countdown-toggle" onClick={toggle} aria-pressed={hidden}>
          {hidden ? t('countdown.show') : t('countdown.hide')}
        </button>
      )}
    </div>
  );
}

function readHidden(): boolean {
  try {
    return localStorage.getItem(HIDE_COUNTDOWN_KEY) === '1';
  } catch {
    return false;
  }
}

function writeHidden(hidden: boolean) {
  try {
    if (hidden) localStorage.setItem(HIDE_COUNTDOWN_KEY, '1');
    else localStorage.removeItem(HIDE_COUNTDOWN_KEY);
  } catch {
    // Private mode or no storage: hidden for this page only.
  }
}

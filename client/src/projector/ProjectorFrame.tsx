import { type CSSProperties, type ReactNode, useEffect, useState } from 'react';
import { itemLabel } from '../agenda/itemStatus';
import { Countdown } from '../components/Countdown';
import { useMeeting } from '../store/MeetingContext';
import { JoinQr } from './JoinQr';

/**
 * The room's screen, results first: one viewport, never scrolled (at 1920×1080 and 1280×720).
 * A header with where the meeting is; a body that takes the rest of the height; the join QR code
 * large beside the proposal in the lobby, small in a corner after.
 */
export function ProjectorFrame({
  eyebrow,
  heading,
  ask,
  counts,
  code,
  lobby = false,
  children,
}: {
  eyebrow: string;
  heading: string;
  ask?: string;
  counts: ReactNode;
  code: string;
  /** The proposal stage with few joined: the QR code is what the room needs. */
  lobby?: boolean;
  children: ReactNode;
}) {
  return (
    <main className={lobby ? 'projector-screen lobby' : 'projector-screen'}>
      <header className="projector-top">
        <div className="projector-title">
          <p className="eyebrow">{eyebrow}</p>
          <h1>{heading}</h1>
          {ask && <p className="ask">{ask}</p>}
          <p className="counts" aria-live="polite">
            {counts}
          </p>
          <Countdown className="countdown-big projector-countdown" />
        </div>
        <ProjectedAgenda />
      </header>
      <div className="projector-body">
        <div className="projector-main">{children}</div>
        <aside className="projector-join" aria-label="Join this meeting">
          <JoinQr code={code} />
        </aside>
      </div>
    </main>
  );
}

/** The agenda, when there is more than one item: where the meeting is, at a glance. */
function ProjectedAgenda() {
  const meeting = useMeeting((s) => s.meeting);
  if (!meeting || meeting.items.length < 2) return null;
  return (
    <nav className="projector-agenda-list" aria-label="Agenda">
      <ol>
        {meeting.items.map((item) => {
          const current = item.id === meeting.currentItemId;
          return (
            <li key={item.id} aria-current={current ? 'step' : undefined}>
              {item.title} <span className="muted">({itemLabel(item)})</span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

/** Cards on one screen: at most this many at once; more are shown in pages that turn by themselves. */
export const PAGE_SIZE = 12;
const PAGE_MS = 10_000;

/** Columns for `n` cards on a wide screen: as square a grid as fits. */
export function gridShape(n: number): { columns: number; rows: number } {
  const shown = Math.max(1, Math.min(n, PAGE_SIZE));
  const columns = shown <= 3 ? shown : shown <= 4 ? 2 : shown <= 9 ? 3 : 4;
  return { columns, rows: Math.ceil(shown / columns) };
}

/**
 * Cards that fit the space left: a grid whose cells share the height, text that shrinks as the
 * cards grow in number and is cut at the card's edge rather than pushing the page; past
 * PAGE_SIZE, pages that turn every ten seconds.
 */
export function FitCards<T>({
  label,
  items,
  keyOf,
  render,
}: {
  label: string;
  items: readonly T[];
  keyOf: (item: T) => string;
  render: (item: T) => ReactNode;
}) {
  const pages = Math.max(1, Math.ceil(items.length / PAGE_SIZE));
  const [page, setPage] = useState(0);
  useEffect(() => {
    if (pages < 2) return;
    const timer = setInterval(() => setPage((p) => (p + 1) % pages), PAGE_MS);
    return () => clearInterval(timer);
  }, [pages]);
  const current = page % pages;
  const shown = items.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE);
  const { columns, rows } = gridShape(shown.length);
  const style = { '--columns': columns, '--rows': rows } as CSSProperties;
  return (
    <div className="fit-cards-frame">
      <ul className="fit-cards" style={style} aria-label={label} data-rows={rows}>
        {shown.map((item) => (
          <li key={keyOf(item)} className="fit-card">
            {render(item)}
          </li>
        ))}
      </ul>
      {pages > 1 && (
        <p className="muted fit-page">
          Page {current + 1} of {pages}
        </p>
      )}
    </div>
  );
}

/** A row of counts, e.g. 5 consent · 2 concerns · 1 objection. */
export function Tally({ label, entries }: { label: string; entries: { name: string; count: number }[] }) {
  return (
    <ul className="projector-tally" aria-label={label}>
      {entries.map((e) => (
        <li key={e.name}>
          <strong className="tally-count">{e.count}</strong> {e.name}
        </li>
      ))}
    </ul>
  );
}

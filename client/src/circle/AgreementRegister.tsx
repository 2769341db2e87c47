import type { Agreement, AgreementReview } from '@circlewise/shared/circles';
import type { ReviewResult } from '@circlewise/shared/constants';
import { formatDate } from '../lib/names';
import { circleMinutesPath } from '../routing';
import { needsReview, registerOrder } from './agreementOrder';
import { formatDay } from './format';
import { ReviewButton } from './ReviewButton';

const REVIEW_WORDS: Record<ReviewResult, string> = { keep: 'Kept', evolve: 'Evolved', drop: 'Dropped' };

/** R3: the circle's agreements, those due or overdue for review first and marked in words. */
export function AgreementRegister({
  circleKey,
  agreements,
  onChanged,
}: {
  circleKey: string;
  agreements: Agreement[];
  onChanged: () => void;
}) {
  const ordered = registerOrder(agreements);
  const overdue = ordered.filter((a) => needsReview(a) && a.due === 'overdue').length;
  const due = ordered.filter((a) => needsReview(a) && a.due === 'due').length;

  return (
    <section className="card" aria-labelledby="agreements-heading">
      <h2 id="agreements-heading">Agreement register</h2>
      {ordered.length === 0 ? (
        <p className="empty">No agreements yet: decisions adopted in this circle’s meetings appear here.</p>
      ) : (
        <>
          {overdue + due > 0 && (
            <p>
              <strong>{reviewSummary(overdue, due)}</strong>
            </p>
          )}
          <ul className="list">
            {ordered.map((a) => (
              <AgreementEntry key={a.id} circleKey={circleKey} agreement={a} onChanged={onChanged} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function reviewSummary(overdue: number, due: number): string {
  const parts = [overdue > 0 && `${overdue} overdue`, due > 0 && `${due} due within 30 days`].filter(Boolean);
  return `To review: ${parts.join(', ')}.`;
}

function AgreementEntry({
  circleKey,
  agreement: a,
  onChanged,
}: {
  circleKey: string;
  agreement: Agreement;
  onChanged: () => void;
}) {
  const headingId = `agreement-${a.id}-heading`;
  return (
    <li
      id={`agreement-${a.id}`}
      className={`agreement agreement-${a.status === 'dropped' ? 'dropped' : a.due}`}
    >
      <article aria-labelledby={headingId}>
        <DueBadge agreement={a} />
        <h3 id={headingId}>{a.title}</h3>
        <dl className="facts">
          <dt>Driver</dt>
          <dd>{a.driver || '—'}</dd>
          <dt>Agreed</dt>
          <dd>{a.text}</dd>
          <dt>Concerns</dt>
          <dd>
            {a.concerns.length === 0 ? (
              'None recorded.'
            ) : (
              <ul className="concerns">
                {a.concerns.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            )}
          </dd>
          {a.responsible !== undefined && (
            <>
              <dt>Responsible</dt>
              <dd>{a.responsible}</dd>
            </>
          )}
          {a.evaluation !== undefined && (
            <>
              <dt>Evaluation</dt>
              <dd>{a.evaluation}</dd>
            </>
          )}
          <dt>Review</dt>
          <dd>{a.reviewDate ? `By ${formatDate(a.reviewDate)}` : 'No review date set.'}</dd>
          <dt>Adopted</dt>
          <dd>
            {formatDay(a.adoptedAt)} ·{' '}
            <a href={circleMinutesPath(circleKey, a.meetingCode)}>Minutes of meeting {a.meetingCode}</a>
          </dd>
        </dl>
        {a.reviews.length > 0 && <ReviewHistory circleKey={circleKey} reviews={a.reviews} />}
        {a.status === 'active' && (
          <ReviewButton circleKey={circleKey} agreementId={a.id} onAdded={onChanged} />
        )}
      </article>
    </li>
  );
}

/** Badge text, not colour alone: a due entry reads as due on paper and to a screen reader. */
function DueBadge({ agreement: a }: { agreement: Agreement }) {
  if (a.status === 'dropped') return <span className="badge badge-dropped">Dropped</span>;
  if (a.due === 'overdue') return <span className="badge badge-overdue">Overdue for review</span>;
  if (a.due === 'due') return <span className="badge badge-due">Due for review</span>;
  return null;
}

function ReviewHistory({ circleKey, reviews }: { circleKey: string; reviews: AgreementReview[] }) {
  return (
    // Not folded away in <details>: the history has to print with the register.
    <div className="reviews">
      <h4>Review history</h4>
      <ol className="list">
        {reviews.map((r) => (
          <li key={`${r.meetingCode}-${r.at}`}>
            <strong>{REVIEW_WORDS[r.result]}</strong> on {formatDay(r.at)}
            {r.reviewDate && `, next review by ${formatDate(r.reviewDate)}`} ·{' '}
            <a href={circleMinutesPath(circleKey, r.meetingCode)}>Minutes of meeting {r.meetingCode}</a>
          </li>
        ))}
      </ol>
    </div>
  );
}

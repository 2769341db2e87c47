import { useState } from 'react';
import { rotateCircleKey } from '../net/circleApi';
import { MemberLink } from './MemberLink';

type State =
  | { state: 'idle' }
  | { state: 'confirm' }
  | { state: 'busy' }
  | { state: 'rotated' }
  | { state: 'error'; message: string };

/**
 * The member link and how to replace it (S3). Rotating cuts off everyone who holds the old link
 * at once, members included, so it asks first and then says plainly what happened.
 */
export function RotateLink({
  circleKey,
  onRotated,
}: {
  circleKey: string;
  onRotated: (newKey: string) => void;
}) {
  const [s, setS] = useState<State>({ state: 'idle' });

  async function rotate() {
    setS({ state: 'busy' });
    const result = await rotateCircleKey(circleKey);
    if (!result.ok) return setS({ state: 'error', message: result.error.message });
    onRotated(result.value.memberKey);
    setS({ state: 'rotated' });
  }

  return (
    <section className="card no-print" aria-labelledby="link-heading">
      <h2 id="link-heading">The member link</h2>
      <MemberLink
        memberKey={circleKey}
        label={s.state === 'rotated' ? 'The new member link' : 'Member link'}
      />
      <div role="status">
        {s.state === 'rotated' && (
          <p className="status status-recorded">
            A new link is made. The old link no longer opens this circle: send the new one to every member.
            This browser now keeps the new one.
          </p>
        )}
      </div>
      {s.state === 'confirm' || s.state === 'busy' ? (
        <div className="refusal">
          <p>
            The current link will stop working at once, for everyone who has it. You will need to send the new
            link to every member. Make a new link?
          </p>
          <p className="actions">
            <button
              type="button"
              className="danger"
              disabled={s.state === 'busy'}
              onClick={() => void rotate()}
            >
              {s.state === 'busy' ? 'Making a new link…' : 'Yes, make a new link'}
            </button>
            <button type="button" disabled={s.state === 'busy'} onClick={() => setS({ state: 'idle' })}>
              Cancel
            </button>
          </p>
        </div>
      ) : (
        <>
          <p className="muted">
            If the link reached someone it should not have, replace it: the old one stops working.
          </p>
          <button type="button" onClick={() => setS({ state: 'confirm' })}>
            Make a new member link
          </button>
        </>
      )}
      {s.state === 'error' && (
        <p className="status status-error" role="alert">
          Could not make a new link: {s.message}
        </p>
      )}
    </section>
  );
}

import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { loadScreenToken, saveScreenToken } from '../net/identity';
import { meetingPath } from '../routing';
import { useScreenLink } from '../store/MeetingContext';

/** The screen code in groups of four, easier to read off a laptop and type on the room's PC. */
export const groupedSecret = (secret: string) => secret.replace(/(.{4})(?=.)/g, '$1-');

/**
 * The screen link: the projector opens on the room's own PC with it, read-only. The console keeps
 * the link it made (the server has only its hash); a new one closes the old one at once, so a
 * link that went further than the room is shut by making another.
 */
export function ScreenLink({ code }: { code: string }) {
  const request = useScreenLink();
  const [secret, setSecret] = useState(() => loadScreenToken(code));
  const [status, setStatus] = useState<string>();
  const [image, setImage] = useState<string>();
  const url = secret ? `${window.location.origin}${meetingPath(code, 'screen')}#${secret}` : undefined;

  useEffect(() => {
    if (!url) return;
    let live = true;
    QRCode.toDataURL(url, { margin: 1, width: 240, errorCorrectionLevel: 'M' })
      .then((data) => live && setImage(data))
      .catch(() => live && setImage(undefined));
    return () => {
      live = false;
    };
  }, [url]);

  if (!request) return null;
  const make = async () => {
    setStatus('Making a screen link…');
    const result = await request();
    if (!result.ok) return setStatus(result.error.message);
    saveScreenToken(code, result.screenToken);
    setSecret(result.screenToken);
    setStatus(secret ? 'New screen link made: the old one no longer works.' : 'Screen link made.');
  };

  return (
    <details className="screen-link">
      <summary>Screen link for the room’s PC</summary>
      <div className="screen-link-body">
        {url && (
          <>
            {image && <img className="screen-qr" src={image} alt="QR code of the screen link" />}
            <p>
              Open <a href={url}>{url.replace(/^https?:\/\//, '').replace(/#.*$/, '')}</a> on the room’s PC
              and type the screen code <strong className="screen-code">{groupedSecret(secret ?? '')}</strong>,
              or scan the QR code. It shows what every participant sees, and can change nothing.
            </p>
          </>
        )}
        <p className="actions">
          <button type="button" onClick={() => void make()}>
            {secret ? 'New screen link (the old one stops working)' : 'Make a screen link'}
          </button>
        </p>
        {status && (
          <p className="hint" role="status">
            {status}
          </p>
        )}
      </div>
    </details>
  );
}

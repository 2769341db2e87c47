import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { meetingPath } from '../routing';
import { useMeeting } from '../store/MeetingContext';

/** The join code and a QR code of the join link, large enough to read from the back of a room. */
export function JoinQr({ code }: { code: string }) {
  const origin = useReachableOrigin();
  const url = `${origin}${meetingPath(code)}`;
  const [image, setImage] = useState<string>();
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(url, { margin: 1, width: 480, errorCorrectionLevel: 'M' })
      .then((data) => {
        if (live) setImage(data);
      })
      .catch(() => {
        if (live) setImage(undefined);
      });
    return () => {
      live = false;
    };
  }, [url]);

  return (
    <figure className="join-qr">
      {image ? (
        <img className="qr" src={image} alt={`QR code to join: ${url}`} />
      ) : (
        <div className="qr qr-empty" />
      )}
      {isLoopback(origin) && (
        <p className="refusal">
          Phones cannot reach “{window.location.host}”. Open this page by the computer’s network address (the
          server prints it when it starts) so the code works for phones.
        </p>
      )}
      <figcaption>
        Join at <strong>{url.replace(/^https?:\/\//, '')}</strong>
        <br />
        or enter code <strong className="join-code-big">{code}</strong>
      </figcaption>
    </figure>
  );
}

const isLoopback = (origin: string) => /^https?:\/\/(localhost|127\.[\d.]+|\[::1\])(:\d+)?$/.test(origin);

/**
 * A facilitator often opens the console as http://localhost:3000, which no phone can reach: then
 * the join link uses an address of this computer on the local network, as the server told this
 * screen in its join ack (S8: never to anonymous callers).
 */
function useReachableOrigin(): string {
  const own = window.location.origin;
  const reachable = useMeeting((s) => s.joinOrigins?.[0]);
  return isLoopback(own) && reachable ? reachable : own;
}

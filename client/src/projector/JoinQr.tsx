import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { meetingPath } from '../routing';

/** The join code and a QR code of the join link, large enough to read from the back of a room. */
export function JoinQr({ code }: { code: string }) {
  const url = `${window.location.origin}${meetingPath(code)}`;
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
      <figcaption>
        Join at <strong>{url.replace(/^https?:\/\//, '')}</strong>
        <br />
        or enter code <strong className="join-code-big">{code}</strong>
      </figcaption>
    </figure>
  );
}

/**
 * S9: the headers every response carries (pages, assets, the API, refusals and errors), through
 * helmet. The page runs only its own scripts (no inline script, no eval), is framed by no one,
 * sends no Referer (a circle's member link must not leak to another site), and asks for no
 * camera, microphone or location. HSTS is the TLS proxy's to send (docs/operations.md): this
 * server may be reached over plain HTTP on a LAN, where it would mean nothing.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import helmet from 'helmet';

/** Features the app never uses, denied to it and to anything it might embed. */
const DENIED_FEATURES = [
  'accelerometer',
  'ambient-light-sensor',
  'autoplay',
  'bluetooth',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'hid',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'serial',
  'usb',
  'xr-spatial-tracking',
];

export const PERMISSIONS_POLICY = DENIED_FEATURES.map((feature) => `${feature}=()`).join(', ');

/** A Host header safe to name in the CSP (checked again by hostCheck.ts before any route). */
const PLAIN_HOST = /^[A-Za-z0-9.-]+(?::\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](?::\d{1,5})?$/;

export function securityHeaders(publicOrigin?: string): RequestHandler {
  // The socket: 'self' covers ws:/wss: of the page's own host in current browsers (CSP 3); the
  // host is named as well for older ones, and PUBLIC_URL's host behind a proxy.
  const socketSources = (req: IncomingMessage) => {
    const host = req.headers.host;
    return host && PLAIN_HOST.test(host) ? `ws://${host} wss://${host}` : "'self'";
  };
  const publicSocket = publicOrigin ? [publicOrigin.replace(/^http/, 'ws')] : [];
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        // The QR code is a data: image.
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'", socketSources, ...publicSocket],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: false,
    xFrameOptions: { action: 'deny' },
  });
  return (req, res, next) => {
    res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
    headers(req as IncomingMessage, res as ServerResponse, next);
  };
}

/** The socket's HTTP answers (long-polling, the handshake) are not pages: they get the plain ones. */
export function socketHeaders(headers: Record<string, string>): void {
  headers['X-Content-Type-Options'] = 'nosniff';
  headers['Referrer-Policy'] = 'no-referrer';
  headers['X-Frame-Options'] = 'DENY';
  headers['Content-Security-Policy'] = "default-src 'none'; frame-ancestors 'none'";
  headers['Permissions-Policy'] = PERMISSIONS_POLICY;
}

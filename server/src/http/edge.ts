/**
 * The HTTP edge (S7, S9, S8): what every request passes before any route, and what answers when
 * no route did or one failed. In order:
 *
 * 1. the security headers (securityHeaders.ts), so every answer below carries them too;
 * 2. bad bytes in the path or query (invalid percent-encoding, control characters): 400;
 * 3. the Host this server answers to (hostCheck.ts): any other is refused with 421;
 * 4. the per-address REST limits (restLimits.ts): 429 with Retry-After;
 * 5. REST writes: only JSON, and from no other site's page (403, 415), so a cross-site form
 *    cannot create or change anything.
 *
 * After the routes: a 404 and an error page of plain words, JSON under /api, never a stack trace.
 */
import type { ErrorCode } from '@circlewise/shared/errors';
import { englishRefusal, type PlainReason } from '@circlewise/shared/refusals';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { type HostRule, hostAllowed, originAllowed } from './hostCheck';
import { sendError } from './respond';
import { type RestLimits, restLimiter } from './restLimits';
import { securityHeaders } from './securityHeaders';

export interface EdgeOptions extends HostRule {
  /** S7: per-address REST limits; absent: none. */
  restLimits?: RestLimits;
  /** Read the client's address from X-Forwarded-For (TRUST_PROXY). */
  trustProxy: boolean;
}

const isApi = (req: Request) => /^\/api(?:\/|$)/i.test(req.path);

/** A refusal in the shape of where it happens: JSON under /api, plain words elsewhere. */
function refuse(req: Request, res: Response, status: number, code: ErrorCode, reason: PlainReason): void {
  if (isApi(req)) sendError(res, status, code, reason);
  else res.status(status).type('text/plain').send(englishRefusal(reason));
}

/** Control characters, NUL included, have no place in a path or a query. */
function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

/** Whether every part of the path and query decodes to text without control characters. */
export function cleanUrl(url: string): boolean {
  const at = url.indexOf('?');
  const path = at < 0 ? url : url.slice(0, at);
  const query = at < 0 ? '' : url.slice(at + 1);
  const parts = [path, ...query.split(/[&=]/).map((p) => p.replaceAll('+', ' '))];
  try {
    return parts.every((part) => !hasControl(decodeURIComponent(part)));
  } catch {
    return false;
  }
}

const badBytes: RequestHandler = (req, res, next) => {
  if (cleanUrl(req.originalUrl)) return next();
  refuse(req, res, 400, 'invalid_payload', 'bad_characters');
};

function hostGuard(rule: HostRule): RequestHandler {
  return (req, res, next) => {
    if (hostAllowed(req.headers.host, rule)) return next();
    // Plain words whatever the path: a name this server does not answer to has no API here.
    res
      .status(421)
      .type('text/plain')
      .send(
        'This server does not answer to that name. Open it by its own address, or ask its operator to set PUBLIC_URL.',
      );
  };
}

/** The media type of a Content-Type header, without its parameters (charset=…). */
const mediaType = (header: string | undefined) => header?.split(';')[0]?.trim().toLowerCase();

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function writeGuard(rule: HostRule): RequestHandler {
  return (req, res, next) => {
    if (!WRITES.has(req.method) || !isApi(req)) return next();
    if (!originAllowed(req.headers.origin, req.headers.host, rule)) {
      return sendError(res, 403, 'forbidden', 'cross_site_write');
    }
    if (mediaType(req.headers['content-type']) !== 'application/json') {
      return sendError(res, 415, 'invalid_payload', 'json_only');
    }
    next();
  };
}

/** Everything before the routes, in order. */
export function edgeBefore(options: EdgeOptions): RequestHandler[] {
  const rule: HostRule = {
    allowedOrigins: options.allowedOrigins,
    ...(options.publicOrigin && { publicOrigin: options.publicOrigin }),
  };
  return [
    securityHeaders(options.publicOrigin),
    badBytes,
    hostGuard(rule),
    ...(options.restLimits ? [restLimiter(options.restLimits, options.trustProxy)] : []),
    writeGuard(rule),
  ];
}

/** After the routes: no route answered, or one failed. Nothing of the error reaches the answer. */
export function edgeAfter(): [
  RequestHandler,
  (error: unknown, req: Request, res: Response, next: NextFunction) => void,
] {
  return [
    (req, res) => refuse(req, res, 404, 'not_found', 'nothing_here'),
    (error, req, res, _next) => {
      const status = (error as { status?: unknown } | null)?.status;
      const known = typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
      if (known === undefined) {
        // Logged once, without the request (its path may hold a key): the error's own words.
        console.error('circlewise: request failed:', error instanceof Error ? error.stack : error);
      }
      if (res.headersSent) return void res.destroy();
      if (known === undefined) return refuse(req, res, 500, 'internal', 'server_failed_request');
      refuse(req, res, known, known === 404 ? 'not_found' : 'invalid_payload', 'request_not_answerable');
    },
  ];
}

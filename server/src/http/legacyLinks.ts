/**
 * S10: member links made before keys moved out of paths (`/c/<key>`, `/c/<key>/m/<code>`) still
 * open. The server answers them with one redirect to the fragment form (`/c#<key>`,
 * `/c/m/<code>#<key>`), which the browser keeps to itself from then on. The answer is not cached
 * and sends no Referer on, and nothing here logs the path.
 */

import { circleMinutesPath, circlePath } from '@circlewise/shared/circles';
import { normaliseCode } from '@circlewise/shared/commands';
import type { Request, Response, Router } from 'express';
import express from 'express';

/** `/c/<key>` or `/c/<key>/m/<code>`; `/c/m/<code>` is the new form and is not matched. */
const OLD_LINK = /^\/c\/(?!m\/|m$)([^/]+)(?:\/m\/([^/]+))?\/?$/;

export function legacyCircleLinks(): Router {
  const router = express.Router();
  router.get(OLD_LINK, (req: Request, res: Response) => {
    const match = OLD_LINK.exec(req.path);
    const key = decoded(match?.[1]);
    const code = normaliseCode(decoded(match?.[2]) ?? '') || undefined;
    if (!key || (match?.[2] !== undefined && !code)) {
      return void res.status(404).type('text').send('Page not found.');
    }
    res
      .set('Cache-Control', 'no-store')
      .set('Referrer-Policy', 'no-referrer')
      .redirect(303, code ? circleMinutesPath(key, code) : circlePath(key));
  });
  return router;
}

function decoded(part: string | undefined): string | undefined {
  if (part === undefined) return undefined;
  try {
    return decodeURIComponent(part) || undefined;
  } catch {
    return undefined;
  }
}

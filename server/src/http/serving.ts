/**
 * The built client (client/dist): compressed for clients that ask (brotli or gzip), hashed
 * assets under /assets/ cached for a year as immutable (a new build has new names), the page
 * itself revalidated every time (`no-cache`), every client-side route (/m/CODE, /c/…) answered
 * with the page. Source maps are neither built nor served unless configured
 * (CIRCLEWISE_SOURCE_MAPS=on); a missing file is a plain 404, never the page.
 *
 * Only the client is compressed here, not the API: its answers carry secrets next to text a
 * caller chose, which compression would let an eavesdropper guess at (BREACH).
 */
import compression from 'compression';
import express, { type Express } from 'express';

export interface ServeOptions {
  /** Serve `*.map` files (CIRCLEWISE_SOURCE_MAPS=on); off: 404 for every one. */
  sourceMaps?: boolean;
}

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The last segment of the path names a file (`app.js`, `logo.svg`), not a client-side route. */
const FILE_LIKE = /\/[^/]*\.[A-Za-z0-9]{1,10}$/;

export function serveClient(web: Express, clientDir: string, options: ServeOptions = {}): void {
  const client = express.Router();
  client.use(compression());
  client.use((req, res, next) => {
    if (!options.sourceMaps && /\.map$/i.test(req.path)) {
      return void res.status(404).type('text/plain').send('Nothing is here.');
    }
    next();
  });
  client.use(
    express.static(clientDir, {
      index: false,
      cacheControl: false,
      setHeaders: (res, path) => {
        const hashed = /[\\/]assets[\\/][^\\/]+$/.test(path);
        res.setHeader('Cache-Control', hashed ? IMMUTABLE : 'no-cache');
      },
    }),
  );
  // Client-side routes (/m/CODE, /m/CODE/facilitate, …) all load the single page.
  client.get(/^\/(?!api\/|socket\.io\/|assets\/).*/i, (req, res, next) => {
    if (FILE_LIKE.test(req.path)) return next();
    // Relative to `root`: given a whole path, send refuses any dot-folder in it (~/.local/…).
    res.set('Cache-Control', 'no-cache').sendFile('index.html', { root: clientDir });
  });
  web.use(client);
}

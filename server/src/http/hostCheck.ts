/**
 * S9: which names this server answers to, and which browser origins may write to it or open its
 * socket. One rule for REST and the socket (app.ts's `allowRequest`).
 *
 * Host: a page on evil.example whose DNS is rebound to this machine sends `Host: evil.example`;
 * such a request is refused (421) before any route. Accepted are this server's own addresses
 * (localhost, 127.0.0.0/8, ::1, every interface address, the machine's name and name.local),
 * with any port, and PUBLIC_URL's host when it is set. A request without Host (HTTP/1.0) cannot
 * be rebound by name and is let through.
 *
 * Origin: absent (scripts, native apps: not a browser riding someone's session), PUBLIC_URL's
 * origin, an ALLOWED_ORIGINS entry, or the same host as the request's (accepted) Host.
 */
import type { IncomingMessage } from 'node:http';
import { hostname, networkInterfaces } from 'node:os';

export interface HostRule {
  /** PUBLIC_URL's origin (scheme://host[:port]), when configured. */
  publicOrigin?: string;
  /** ALLOWED_ORIGINS: further browser origins allowed to use the socket and write over REST. */
  allowedOrigins: string[];
}

/** The interface addresses change (DHCP, a new Wi-Fi): looked up again after this long. */
const OWN_NAMES_TTL_MS = 10_000;

let ownNames: { names: Set<string>; at: number } | undefined;

/** This machine's own names and addresses, lower-case, IPv6 without brackets or zone. */
function ownHostnames(): Set<string> {
  const now = Date.now();
  if (ownNames && now - ownNames.at < OWN_NAMES_TTL_MS) return ownNames.names;
  const names = new Set(['localhost', '::1']);
  for (const address of Object.values(networkInterfaces()).flat()) {
    if (address) names.add(address.address.toLowerCase().replace(/%.*$/, ''));
  }
  const machine = hostname().toLowerCase();
  if (machine) {
    names.add(machine);
    names.add(`${machine}.local`);
  }
  ownNames = { names, at: now };
  return names;
}

/** The host name of a Host header or URL host (no port, no brackets), or undefined if malformed. */
function nameOf(host: string): string | undefined {
  try {
    const url = new URL(`http://${host}`);
    // Userinfo, a path or a query around the name: not a Host header.
    if (url.username || url.password || url.pathname !== '/' || url.search || url.hash) return undefined;
    return url.hostname.replace(/^\[|\]$/g, '');
  } catch {
    return undefined;
  }
}

/** S9: does this server answer to the name in this Host header? */
export function hostAllowed(host: string | undefined, rule: HostRule): boolean {
  if (host === undefined) return true;
  const name = nameOf(host);
  if (name === undefined) return false;
  if (name === 'localhost' || name.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(name)) return true;
  if (ownHostnames().has(name)) return true;
  if (rule.publicOrigin) {
    const publicName = nameOf(new URL(rule.publicOrigin).host);
    if (publicName === name) return true;
  }
  return false;
}

/**
 * S5, S9: may a browser on `origin` use this server (open its socket, write over REST)? No
 * Origin is not a browser's cross-site request.
 */
export function originAllowed(origin: string | undefined, host: string | undefined, rule: HostRule): boolean {
  if (origin === undefined) return true;
  if (rule.publicOrigin === origin || rule.allowedOrigins.includes(origin)) return true;
  try {
    return host !== undefined && new URL(origin).host === host.toLowerCase();
  } catch {
    // "null" (a sandboxed frame, a file:// page) and anything else that is not an origin.
    return false;
  }
}

/** The socket's door (app.ts `allowRequest`): Host and Origin both, by the rule above. */
export function requestAllowed(req: IncomingMessage, rule: HostRule): boolean {
  const host = req.headers.host;
  return hostAllowed(host, rule) && originAllowed(req.headers.origin, host, rule);
}

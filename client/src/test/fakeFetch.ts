/**
 * A stand-in for the server's REST side: answers `fetch` by "METHOD /path" (query left off),
 * records every request, and can play a network that is down. Installed as a spy, so the setup's
 * restoreAllMocks puts the real fetch back after each test.
 */
import { vi } from 'vitest';

export interface FakeRequest {
  method: string;
  url: string;
  path: string;
  body: unknown;
  /** The Authorization header, where a circle's member key travels (S10). */
  authorization?: string;
}

/** An answer: a status and JSON body, a ready Response, or a network that does not answer. */
export type FakeAnswer = { status: number; body: unknown } | Response | 'offline';
export type FakeRoute = (request: FakeRequest) => FakeAnswer | Promise<FakeAnswer>;

export function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

export function fakeFetch(routes: Record<string, FakeRoute>) {
  const requests: FakeRequest[] = [];
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = init?.method ?? 'GET';
    const path = url.split('?')[0] ?? url;
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    const authorization = new Headers(init?.headers).get('authorization') ?? undefined;
    const request = { method, url, path, body, ...(authorization !== undefined && { authorization }) };
    requests.push(request);
    const route = routes[`${method} ${path}`];
    const answer = route
      ? await route(request)
      : { status: 404, body: { error: { code: 'not_found', message: 'No such API route.' } } };
    if (answer === 'offline') throw new TypeError('Failed to fetch');
    return answer instanceof Response ? answer : jsonResponse(answer.status, answer.body);
  });
  return {
    requests,
    /** The requests made to one "METHOD /path". */
    to: (route: string) => requests.filter((r) => `${r.method} ${r.path}` === route),
  };
}

/** The server's answer to a wrong or rotated member link (S3): the same for every circle. */
export const UNKNOWN_CIRCLE: FakeAnswer = {
  status: 404,
  body: {
    error: {
      code: 'unknown_circle',
      message: 'This link no longer opens this circle. Ask a member of the circle for its current link.',
    },
  },
};

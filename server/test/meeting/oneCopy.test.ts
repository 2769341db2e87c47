/**
 * A5 (one copy of the state) and one home per rule, checked on what the server holds: the live
 * meeting's view is the replay of its log, and nothing reachable from the live meeting or from
 * the machines holds a second copy of an item's view.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reduceMeetingLog } from '@circlewise/shared/meeting';
import { describe, expect, it } from 'vitest';
import { decisionLogic } from '../../src/decision/decisionDecide';
import { electionLogic } from '../../src/decision/electionDecide';
import { roundLogic } from '../../src/decision/roundDecide';
import { facilitator } from '../support/testHarness';
import { startMeeting } from '../support/testMeeting';

/** Every object reachable from `root` (own properties, Map and Set entries), each once. */
function reachable(root: unknown): Set<object> {
  const seen = new Set<object>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) continue;
    const object = value as object;
    if (seen.has(object)) continue;
    seen.add(object);
    if (object instanceof Map) for (const [k, v] of object) stack.push(k, v);
    if (object instanceof Set) for (const v of object) stack.push(v);
    for (const key of Object.getOwnPropertyNames(object)) {
      const descriptor = Object.getOwnPropertyDescriptor(object, key);
      if (descriptor && 'value' in descriptor) stack.push(descriptor.value);
    }
  }
  return seen;
}

/** Objects shaped like an item's view: what a second copy would look like. */
const itemViews = (objects: Set<object>) =>
  [...objects].filter((o) => 'kind' in o && 'stage' in o && 'meetingId' in o && 'seq' in o);

/** A decision run to adoption with an amendment, then a round added and opened. */
function busyMeeting() {
  const m = startMeeting();
  m.advanceTo('objections');
  m.ok({ type: 'response.give', kind: 'objection', reason: 'Too early.' }, m.as('Ana'));
  m.ok({ type: 'response.give', kind: 'consent' }, m.as('Ben'));
  m.ok({ type: 'responses.reveal' }, facilitator);
  const objectionId = m.view().objections[0]?.id ?? '';
  m.ok({ type: 'objection.test', objectionId, verdict: 'qualifies' }, facilitator);
  m.ok({ type: 'proposal.amend', text: 'Lunch at one.', resolves: [objectionId] }, facilitator);
  m.ok({ type: 'stage.advance', from: 'objections' }, facilitator);
  for (const name of ['Ana', 'Ben', 'Cleo']) m.ok({ type: 'response.give', kind: 'consent' }, m.as(name));
  m.ok({ type: 'outcome.record', outcome: 'adopted' }, facilitator);
  const [added] = m.ok({ type: 'agenda.add', kind: 'round', title: 'Closing' }, facilitator);
  if (added?.type !== 'agenda.item.added') throw new Error('no round added');
  m.ok({ type: 'agenda.open', itemId: added.itemId }, facilitator);
  m.ok({ type: 'round.speak', text: 'Good meeting.' }, m.as('Cleo'));
  return m;
}

describe('A5 one copy of the state', () => {
  it('[A5] the server’s meeting view equals a replay of the log, and no machine context holds a copy', () => {
    const m = busyMeeting();
    expect(m.live.view).toEqual(reduceMeetingLog(m.log));
    expect(m.live.view.items).toHaveLength(2);

    // Everything the live meeting holds: each item's view is there once, inside the meeting's
    // view, and nowhere else (an actor's context or any cache would be a second object).
    const held = itemViews(reachable(m.live));
    const views = Object.values(m.live.view.views);
    expect(held).toHaveLength(views.length);
    for (const view of views) expect(held).toContain(view);
    // Participants too are kept once: no item view carries them.
    for (const view of views) expect(view).not.toHaveProperty('participants');

    // The machines are definitions: nothing reachable from them is an item's view.
    for (const logic of [decisionLogic, electionLogic, roundLogic]) {
      expect(itemViews(reachable(logic.machine))).toEqual([]);
    }
  });
});

const serverSrc = fileURLToPath(new URL('../../src', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.includes('.test.') ? [path] : [];
  });
}

describe('one home per rule', () => {
  const sites = new Map<string, string[]>();
  for (const file of sourceFiles(serverSrc)) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      for (const match of line.matchAll(/\/\/ \[([A-Z]\d+)\]/g)) {
        const id = match[1] ?? '';
        sites.set(id, [...(sites.get(id) ?? []), `${file.slice(serverSrc.length + 1)}:${i + 1}`]);
      }
    });
  }

  it('each rule id the server decides is marked at exactly one decision site in server/src', () => {
    const twice = [...sites].filter(([, at]) => at.length > 1);
    expect(twice).toEqual([]);
    // The process rules the machines and the meeting decide: each has its one marked home.
    const decided = ['C1', 'C2', 'C3', 'C5', 'C6', 'C7', 'C8', 'C9', 'C10', 'E1', 'E2', 'E3', 'E4', 'E5'];
    for (const id of [...decided, 'M1', 'M2', 'M3', 'M4', 'R3', 'A2', 'A11']) {
      expect(sites.get(id), `no // [${id}] in server/src`).toHaveLength(1);
    }
  });
});

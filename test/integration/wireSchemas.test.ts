/**
 * The JSON Schemas in docs/schema/ (npm run schema) describe what really crosses the wire: a
 * client written from them accepts every message of a real meeting, and what it sends by them
 * the server accepts. A meeting with a decision, a round and a hand-over, every message checked.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandInput } from '@circlewise/shared/commands';
import type { CommandEnvelope, PresenceBatch } from '@circlewise/shared/protocol';
import { Ajv, type ValidateFunction } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_DIR } from '../../scripts/schema';
import {
  type DistributiveOmit,
  PROTOCOL_VERSION,
  type TestServer,
  type TestSocket,
  uuid,
} from '../support/server';
import { client, closeClients, ok, openMeeting, pid, receivedEvents, settle, withServer } from './helpers';

let server: TestServer;
withServer({ set: (s) => (server = s), current: () => server });

const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
const compiled = new Map<string, ValidateFunction>();

/** The messages `value` breaks in docs/schema/<name>.json: none, for a schema that is right. */
function problems(name: string, value: unknown): unknown[] {
  let validate = compiled.get(name);
  if (!validate) {
    validate = ajv.compile(JSON.parse(readFileSync(join(SCHEMA_DIR, `${name}.json`), 'utf8')));
    compiled.set(name, validate);
  }
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

const presence: PresenceBatch[] = [];

beforeAll(() => {
  expect(problems('join-request', { protocol: PROTOCOL_VERSION, code: 'ABC234', token: 'x' })).not.toEqual(
    [],
  );
});
afterAll(closeClients);

describe('the JSON Schemas', () => {
  it('[A5] match every message of a real meeting, sent and received', async () => {
    const create = { title: 'Schemas' };
    expect(problems('create-meeting-request', create)).toEqual([]);
    const { meeting, facilitator, participants } = await openMeeting(server, ['Ana', 'Ben']);
    expect(problems('created-meeting', meeting)).toEqual([]);
    const [ana, ben] = participants as [typeof facilitator, typeof facilitator];
    (facilitator.socket as TestSocket).on('meeting:presence', (batch) => presence.push(batch));

    // A join: request and ack (a newcomer, and the facilitator again).
    const late = client(server);
    // S2: a new device sends its name and joinId, no token; the ack brings the token it keeps.
    const request = { protocol: PROTOCOL_VERSION, code: meeting.code, name: 'Cleo', joinId: late.joinId };
    expect(problems('join-request', request)).toEqual([]);
    expect(problems('join-ack', ok(await late.join(meeting.code, 'Cleo')))).toEqual([]);
    const again = { protocol: PROTOCOL_VERSION, code: meeting.code, token: late.token };
    expect(problems('join-request', again)).toEqual([]);
    expect(problems('join-ack', ok(await facilitator.join(meeting.code)))).toEqual([]);
    late.close();

    // Commands, each checked against the schema before it is sent, and their acks.
    const send = async (
      who: typeof facilitator,
      command: DistributiveOmit<CommandInput, 'commandId'> & { forItem?: string },
    ) => {
      const sent = { commandId: uuid(), ...command } as CommandEnvelope;
      expect(problems('command', sent), command.type).toEqual([]);
      const ack = await who.command(sent as CommandInput);
      expect(problems('command-ack', ack), command.type).toEqual([]);
      return ack;
    };
    const item = () => facilitator.meeting?.currentItemId ?? '';
    ok(await send(facilitator, { type: 'proposal.edit', title: 'Tea', driver: 'Cold', text: 'Buy tea' }));
    ok(await send(facilitator, { type: 'stage.advance', from: 'proposal', forItem: item() }));
    ok(await send(ana, { type: 'question.ask', text: 'Which tea?', forItem: item() }));
    ok(await send(facilitator, { type: 'stage.advance', from: 'clarifying' }));
    ok(await send(ana, { type: 'reaction.give', text: 'Good', gesture: 'up' }));
    ok(await send(ben, { type: 'reaction.give', text: 'Fine' }));
    ok(await send(facilitator, { type: 'responses.reveal' }));
    ok(await send(facilitator, { type: 'timebox.set', stage: 'reactions', seconds: 300 }));
    // A refusal is an ack too.
    expect((await send(ben, { type: 'responses.reveal' })).ok).toBe(false);
    ok(await send(facilitator, { type: 'agenda.add', kind: 'round', title: 'Check-out' }));
    const round = facilitator.meeting?.items.at(-1)?.id ?? '';
    ok(await send(facilitator, { type: 'agenda.open', itemId: round }));
    ok(await send(ben, { type: 'round.speak', text: 'Good meeting' }));
    ok(await send(facilitator, { type: 'facilitation.handOver', participantId: pid(ana) }));
    ok(await send(facilitator, { type: 'facilitation.handOver', participantId: null }));
    const last = ok(await send(facilitator, { type: 'round.close' })).seq;
    await settle([facilitator, ana, ben], last);

    // Everything received: events (as the facilitator, and as a participant sees them sealed), presence.
    for (const c of [facilitator, ana, ben]) {
      for (const event of receivedEvents(c)) expect(problems('event', event), event.type).toEqual([]);
    }
    expect(presence.length).toBeGreaterThan(0);
    for (const batch of presence) expect(problems('presence', batch)).toEqual([]);

    // The view a client keeps, and both kinds of resync ack.
    expect(problems('view', facilitator.meeting)).toEqual([]);
    expect(problems('view', ana.meeting)).toEqual([]);
    expect(problems('resync-request', { afterSeq: 2 })).toEqual([]);
    expect(problems('resync-ack', await ana.resync(2))).toEqual([]);
    const snapshot = await ana.resync(last + 100);
    expect(snapshot.ok && 'view' in snapshot).toBe(true);
    expect(problems('resync-ack', snapshot)).toEqual([]);

    const link = await facilitator.socket.emitWithAck('meeting:screenLink', {});
    expect(problems('screen-link-ack', link)).toEqual([]);
  });
});

/**
 * Every refusal the server sends, by its stable reason (issue 12): the reason a client translates,
 * and the English sentence the server puts in `message` for clients that do not translate. The
 * English is made from this table and the refusal's params, so the sentence, the key and the
 * client's catalogue (`shared/src/i18n/locales/en/errors.json`, `npm run catalogue`) cannot drift.
 *
 * Templates use i18next's syntax: `{{name}}` is a param; `{{stage, stage}}` is a param formatted
 * as a stage's name (`STAGE_LABELS`); a template with `one` and `other` is a plural on `count`
 * (in the catalogue, `<reason>_one` and `<reason>_other`). A reason is snake_case, except the two
 * of `protocol_mismatch` (`clientTooOld`, `serverTooOld`), which clients read before version 6.
 */
import { STAGE_LABELS } from './constants';

export const REFUSALS = {
  server_restarting_retry: 'The server is restarting: nothing was recorded. Try again shortly.',
  not_joined: 'Join a meeting first.',
  meeting_finished: 'This meeting is finished; its minutes are open to those who took part.',
  for_item_invalid: 'forItem must be an item id (text).',
  item_moved_on: 'The meeting has moved on to another item: look again before you send.',
  no_payload: 'The message has no payload.',
  meeting_locked_wait: 'The facilitator has locked this meeting: wait here until they let you in.',
  join_needs_token_or_join_id:
    'A join needs the token this device was given, or, for a new device, a name and a joinId: the server then gives it its token.',
  secret_of_another_meeting: 'This device’s secret belongs to another meeting: join this one afresh.',
  member_link_not_meeting:
    'That is a circle’s member link, not a way into a meeting: join with the meeting’s code.',
  token_minted_by_server:
    'Tokens are given by the server now: join with your name and a joinId and no token, and keep the token the answer brings (docs/protocol.md).',
  device_unknown: 'This device is not known in this meeting: enter your name to join.',
  screen_link_other_meeting: 'This screen link belongs to another meeting.',
  read_only_no_newcomers: 'This meeting’s record could not be replayed, so it takes no one new for now.',
  joining_too_fast: 'Too many people are joining at once: wait a moment, then try again.',
  no_new_participants: 'This meeting cannot take new participants.',
  screen_link_facilitator_only: 'Only the facilitator can make a new screen link.',
  messages_too_fast: 'Too many messages at once: wait a moment, then send again.',
  circle_has_no_such_meeting: 'This circle has no meeting with that code.',
  search_empty: 'Type a word or more to search for (?q=…).',
  no_such_agreement: 'This circle has no such agreement.',
  agreement_dropped: 'This agreement was dropped at a review: it has no review to hold.',
  cannot_add_to_meeting: 'This server cannot add to a meeting in progress.',
  bad_time_zone: 'tz must be a time zone such as Europe/Amsterdam.',
  cross_site_write: 'This server takes no changes from another site’s page.',
  json_only: 'Send the request as JSON (Content-Type: application/json).',
  left_meeting: 'You have left this meeting; join again to take part.',
  proposal_new_version_answer: 'The proposal has a new version: look again and answer on it.',
  consent_round_consent_or_object:
    'In the consent round you consent, or object (which reopens the objection round).',
  objected_already: 'You have objected already: withdraw the objection first if it no longer holds.',
  response_recorded_already: 'This response is recorded already.',
  withdraw_own_objection_only: 'Only the person who raised an objection can withdraw it.',
  no_such_objection: 'No such objection (it shows once the responses are revealed).',
  reveal_before_new_version:
    'Reveal the responses first: a new version starts a new round, and what was said in this one goes on the record.',
  amendment_resolves_open_only: 'An amendment can only resolve objections that are still open.',
  proposal_presented_amend: 'The proposal has been presented: amend it to make a new version (C5).',
  proposal_not_presented: 'Edit the proposal: it has not been presented yet.',
  no_such_question: 'No such question.',
  proposal_new_version_outcome: 'The proposal has a new version: record the outcome of that one.',
  review_date_required: 'An adopted agreement needs a review date.',
  timebox_stage_moved_on: 'The meeting has moved on from that stage: look again before you set its time.',
  timebox_item_finished: 'This item is finished; it needs no timebox.',
  no_timebox_to_clear: 'This stage has no timebox to clear.',
  no_timebox_to_extend: 'This stage has no timebox to extend: set one first.',
  election_command_in_decision: 'That belongs to a role election; this meeting is a consent decision.',
  pass_own_turn_only: 'Only a participant passes, for themselves.',
  reactions_no_order: 'The reactions round has no order: there is no turn to pass. React when you are ready.',
  set_role_first: 'Set the role and its term first.',
  reveal_nominations_first: 'Reveal the nominations: the reveal opens the change round.',
  nominations_revealed_change: 'The nominations are revealed: change yours in the change round.',
  nominee_not_present:
    'That person is not in this meeting: nominate someone present, yourself, or no one yet.',
  no_nomination_to_change: 'You made no nomination, so there is none to keep or change.',
  nomination_changed_meanwhile: 'Your nomination changed meanwhile: look again.',
  person_not_in_meeting: 'That person is not in this meeting.',
  nomination_change_reason_required: 'Say why you change your nomination.',
  candidate_not_present: 'The candidate must be a participant present in this meeting.',
  propose_candidate_first: 'Propose a candidate first: a declined proposal no longer stands.',
  candidate_answers_last: 'As the candidate you answer last (E4): wait until everyone else has answered.',
  candidate_declines_only: 'Only the proposed candidate can decline.',
  proposal_not_current: 'That proposal is no longer the current one.',
  nobody_proposed: 'Nobody has been proposed yet.',
  proposal_changed_meanwhile: 'The proposal changed meanwhile: look again.',
  election_no_turns: 'Turns and passing belong to a round; this item is a role election.',
  election_no_queue:
    'The speaking queue belongs to a consent decision’s clarifying questions and objections; this item is a role election.',
  decision_command_in_election: 'That belongs to a consent decision; this meeting is a role election.',
  raise_own_hand_only: 'Only a participant raises a hand, their own.',
  hand_not_up: 'Your hand is not up: there is nothing to lower.',
  no_item_open: 'The meeting has no item open.',
  meeting_exists: 'This meeting exists already.',
  participant_not_present: 'That participant is not present.',
  meeting_not_abandoned: 'This meeting had activity within its abandonment time: it stays open.',
  no_such_item: 'There is no such item on this agenda.',
  item_already_there: 'The item is already in that place.',
  item_already_open: 'The meeting is already on this item.',
  hand_over_to_present_only: 'Facilitation can be handed only to someone present.',
  not_admitted: 'The facilitator did not admit this device to the meeting.',
  removed_you: 'The facilitator removed you from this meeting.',
  meeting_already_locked: 'The meeting is already locked.',
  meeting_not_locked: 'The meeting is not locked.',
  device_already_known: 'This device is already known in this meeting.',
  nobody_waiting_with_id: 'Nobody with that id is waiting to be admitted.',
  no_such_participant_to_remove: 'There is no such participant to remove.',
  participant_removed: 'The facilitator removed this participant from the meeting.',
  speak_own_turn_only: 'Only a participant speaks in the round, for themselves.',
  nobody_present_for_round: 'Nobody is present to go around.',
  order_names_twice: 'The order names someone twice: each person has one place.',
  round_no_order:
    'This round has no order: there is no turn to pass. Say something when you are ready, or nothing.',
  meeting_changed_same_moment: 'The meeting changed at the same moment: look again and resend.',
  no_such_meeting: 'No such meeting.',
  command_not_answered: 'The command was not answered.',
  storage_full:
    'The server’s disk is full, so this was not recorded. What was recorded before is safe; try again once the server has space again.',
  storage_error:
    'The server could not write this to its storage, so it was not recorded. What was recorded before is safe; try again in a moment.',
  elected_from_consent: 'Someone is elected from the consent round.',
  candidate_gone: 'The candidate is no longer present: propose someone present.',
  round_closed: 'The round is closed.',
  join_to_speak: 'Join the meeting to speak in the round.',
  had_turn: 'You have had your turn in this round.',
  passed_turn_over: 'You passed, and the round came back to you once: your turn in it is over.',
  not_your_turn: 'It is not your turn.',
  present_needs_driver_and_text: 'Write the driver and the proposal before presenting it.',
  reveal_before_consent: 'Reveal the responses first, so everyone sees the objections and concerns.',
  nobody_joined: 'Nobody has joined: a decision needs at least one participant.',
  server_restarting: 'The server is restarting: nothing was recorded. Your screen reconnects by itself.',
  server_failed: 'Something went wrong on the server; nothing was recorded. Try again.',
  server_failed_screen_link: 'Something went wrong on the server; the screen link is as it was. Try again.',
  server_failed_join: 'Something went wrong on the server while joining. Try again.',
  clientTooOld: 'This page is out of date: reload it to join.',
  serverTooOld: 'The server is older than this page: ask the facilitator to update it.',
  message_too_large: 'A message may be at most {{kb}} KB.',
  no_meeting_with_code: 'No meeting has the code {{code}}. Check the code with your facilitator.',
  invalid_field: '{{problem}} ({{field}})',
  invalid_message: '{{problem}}',
  invalid_message_empty: 'The message is not valid.',
  objection_reason_required:
    'An objection or a concern needs a reason: say what harm you see, or how the proposal could be better.',
  nomination_reason_required: 'Say why you nominate this person.',
  screen_sends_nothing: 'A screen link only shows the meeting: it sends nothing.',
  participants_only: 'Only participants do this. To take part yourself, join from your phone as well.',
  facilitator_only: 'Only the facilitator can do this.',
  facilitation_is_with: 'Facilitation is with {{name}} now. Take it back to act as facilitator.',
  read_only: 'This meeting’s record could not be replayed, so it is read-only until someone looks at it.',
  unknown_circle: 'This link no longer opens this circle. Ask a member of the circle for its current link.',
  keeper_required:
    'Only the circle’s keeper can make a new member link: enter the keeper key you were given when the circle was started.',
  requests_too_fast: 'Too many requests from your address: wait a moment, then try again.',
  search_too_long: 'A search may be at most {{max}} characters.',
  nominations_already_revealed: 'The nominations are already revealed.',
  responses_already_revealed: 'These responses are already revealed.',
  reveal_shows_every_nomination: 'A reveal shows every nomination at once.',
  reveal_shows_every_response: 'A reveal shows every hidden response at once.',
  objection_already: 'This objection is already {{status}}.',
  same_version: 'Version {{next}} would be the same as version {{version}}.',
  agreement_fields_only_adopted:
    'Who is responsible and the evaluation criteria belong to an adopted agreement; leave them out to record the decision as {{outcome}}.',
  question_asked_not_now:
    'Questions are asked during clarifying questions. The meeting is in {{stage, stage}}.',
  reaction_given_not_now:
    'Reactions are given during the reactions round. The meeting is in {{stage, stage}}.',
  response_given_not_now:
    'Responses are given during the objection and consent rounds. The meeting is in {{stage, stage}}.',
  objection_tested_not_now:
    'Objections are tested during the objections stage. The meeting is in {{stage, stage}}.',
  objection_withdrawn_not_now:
    'Objections are withdrawn during the objections stage. The meeting is in {{stage, stage}}.',
  proposal_edited_not_now:
    'The proposal is edited before it is presented. The meeting is in {{stage, stage}}.',
  hand_raised_not_now:
    'Hands are raised during clarifying questions and the objections stage. The meeting is in {{stage, stage}}.',
  hand_lowered_not_now:
    'Hands are raised and lowered during clarifying questions and the objections stage. The meeting is in {{stage, stage}}.',
  hand_called_not_now:
    'Speakers are called during clarifying questions and the objections stage. The meeting is in {{stage, stage}}.',
  decision_not_now: 'That is not possible at this point. The meeting is in {{stage, stage}}.',
  only_hidden_rounds_sealed:
    'Only reactions and objection-round responses are hidden; the meeting is in {{stage, stage}}.',
  decision_turns_not_now:
    "Turns and passing belong to a round, or to a decision's reactions round; the meeting is in {{stage, stage}}.",
  decision_moved_on: 'The meeting has already moved on to {{stage, stage}}.',
  consent_is_last_stage: 'Consent is the last stage: record the outcome.',
  proposal_is_first_stage: 'The proposal is the first stage.',
  role_is_first_stage: 'The role is the first stage.',
  decision_cannot_move: 'Cannot move from {{from, stage}} to {{to, stage}}.',
  adopted_from_consent: 'A decision is adopted from the consent round; the meeting is in {{stage, stage}}.',
  decision_finished: 'This decision is finished: its outcome is recorded.',
  nominations_reveal_not_now: 'Nominations are revealed in their round; the election is in {{stage, stage}}.',
  election_response_not_now:
    'Responses are given during the objection and consent rounds. The meeting is now in {{stage, stage}}.',
  election_reveal_not_now:
    'Responses are revealed in the objection round; the election is in {{stage, stage}}.',
  election_moved_on: 'The election has already moved on to {{stage, stage}}.',
  decline_not_now:
    'The candidate declines during the objection or consent round; the election is in {{stage, stage}}.',
  election_cannot_move: 'The election cannot go from {{from, stage}} to {{to, stage}}.',
  elect_not_now: 'Someone is elected from the consent round; the election is in {{stage, stage}}.',
  propose_not_now: 'A candidate is proposed after the change round; the election is in {{stage, stage}}.',
  nomination_change_not_now:
    'Nominations are changed in the change round; the election is in {{stage, stage}}.',
  objections_not_now: 'Objections are handled in the objection round; the election is in {{stage, stage}}.',
  election_not_asked_now: 'That is not asked for now ({{event}}); the election is in {{stage, stage}}.',
  election_finished: 'This election is finished: its outcome is recorded.',
  hand_already_up: 'Your hand is already up: you are number {{place}} of {{total}} in the queue.',
  not_in_queue: '{{name}} is not in the queue (any more): call someone whose hand is up.',
  round_has_no_command:
    'This item is a round: there is no {{command}} in it. In a round each person present says something once, in turn, and the facilitator closes it.',
  round_not_now:
    'That is not possible in a round now. In a round each person present says something once, in turn, and the facilitator closes it.',
  round_finished: 'This round is closed: what was said is on the record.',
  meeting_closed: 'This meeting is closed; its minutes are the record of it.',
  agenda_full: 'An agenda holds at most {{max}} items.',
  key_holder_facilitates: 'The holder of the facilitator key already facilitates.',
  already_facilitates: 'This person already facilitates.',
  meeting_full: 'This meeting is full: it takes at most {{cap}} participants. Ask the facilitator.',
  name_passes_for_role:
    '“{{name}}” would pass for a role ({{role}}) in the minutes: join with your own name.',
  name_taken: '{{name}} is already here: add an initial or a surname, so everyone can tell you apart.',
  remove_facilitator_first: '{{name}} facilitates now: take facilitation back before removing them.',
  order_names_absent: 'The order may name only people present; {{names}} is not.',
  turn_of_other_yours_next: 'It is {{name}}’s turn; yours is next.',
  turn_of_other_yours_after: 'It is {{name}}’s turn; yours comes after {{before}}.',
  election_waiting_for_consent:
    'Everyone present, the candidate last, must consent first. Still waiting for {{names}}.',
  consent_waiting_for: 'Still waiting for consent to version {{version}} from {{names}}.',
  link_opens_no_meeting:
    'This link does not open a meeting with that code. Check the code and the link you were given.',
  no_such_api_route: 'No such API route.',
  nothing_here: 'Nothing is here.',
  server_failed_request: 'Something went wrong on the server.',
  bad_characters: 'The address has characters that are not allowed.',
  not_json: 'The request is not valid JSON.',
  request_too_large: 'The request is too large.',
  request_not_answerable: 'This request cannot be answered.',
  open_objections: {
    one: 'An objection is still open ({{names}}): test each one, then resolve it by amending, or record it as a concern.',
    other:
      '{{count}} objections are still open ({{names}}): test each one, then resolve it by amending, or record it as a concern.',
  },
} as const satisfies Record<string, string | { one: string; other: string }>;

/** A stable reason of a refusal: a key of the table. */
export type RefusalReason = keyof typeof REFUSALS;

/** A refusal's params: flat, strings and numbers only. */
export type RefusalParams = Record<string, string | number>;

type Holes<S extends string> = S extends `${string}{{${infer P}}}${infer Rest}`
  ? (P extends `${infer Name}, ${string}` ? Name : P) | Holes<Rest>
  : never;
type HolesOf<T> = T extends string
  ? Holes<T>
  : T extends { one: infer One extends string; other: infer Other extends string }
    ? Holes<One> | Holes<Other> | 'count'
    : never;

/** The params a reason's template names: tsc checks every refusal gives exactly those. */
export type ParamsOf<R extends RefusalReason> = { [K in HolesOf<(typeof REFUSALS)[R]>]: string | number };

/** The params argument of a refusal: none for a sentence without placeholders. */
export type ParamsArg<R extends RefusalReason> = [HolesOf<(typeof REFUSALS)[R]>] extends [never]
  ? []
  : [params: ParamsOf<R>];

export const REFUSAL_REASONS = Object.keys(REFUSALS) as RefusalReason[];

export const isRefusalReason = (value: unknown): value is RefusalReason =>
  typeof value === 'string' && Object.hasOwn(REFUSALS, value);

/** The formats a template may name after a comma (`{{stage, stage}}`), in English. */
const FORMATS: Record<string, (value: string | number) => string> = {
  stage: (value) => STAGE_LABELS[value as keyof typeof STAGE_LABELS] ?? String(value),
};

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*(?:,\s*([A-Za-z]+)\s*)?\}\}/g;

/** The names a template interpolates (without formats), in order of appearance. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] as string);
}

/** The English sentence of a refusal: its reason's template with its params put in. */
export function englishRefusal(reason: RefusalReason, params: RefusalParams = {}): string {
  const entry: string | { one: string; other: string } = REFUSALS[reason];
  const template =
    typeof entry === 'string'
      ? entry
      : new Intl.PluralRules('en').select(Number(params.count)) === 'one'
        ? entry.one
        : entry.other;
  return template.replace(PLACEHOLDER, (_all, name: string, format?: string) => {
    const value = params[name];
    if (value === undefined) return '';
    const formatter = format ? FORMATS[format] : undefined;
    return formatter ? formatter(value) : String(value);
  });
}

/**
 * The English catalogue as i18next reads it (namespace `errors`): one key per reason, a plural as
 * `<reason>_one` and `<reason>_other`. `npm run catalogue` writes it for the client.
 */
export function englishCatalogue(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const reason of REFUSAL_REASONS) {
    const entry: string | { one: string; other: string } = REFUSALS[reason];
    if (typeof entry === 'string') out[reason] = entry;
    else {
      out[`${reason}_one`] = entry.one;
      out[`${reason}_other`] = entry.other;
    }
  }
  return out;
}

/** A reason whose sentence takes no params. */
export type PlainReason = { [R in RefusalReason]: ParamsArg<R> extends [] ? R : never }[RefusalReason];

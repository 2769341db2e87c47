import type { ConsentItemView } from '@circlewise/shared/consentItem';
import type { Seated } from '@circlewise/shared/meeting';
import type { Viewer } from '@circlewise/shared/visibility';
import { ParticipantView } from '../participant/ParticipantView';
import { fakeSend } from './meetingScript';
import { renderWithMeeting } from './renderMeeting';

/** The phone of `me`, showing the script's meeting as the server would send it to them. */
export function renderParticipant(
  script: { viewFor(viewer: Viewer): Seated<ConsentItemView> },
  me: string,
  send = fakeSend(),
) {
  const view = script.viewFor({ role: 'participant', participantId: me });
  const rendered = renderWithMeeting(<ParticipantView />, view, send, {
    role: 'participant',
    participantId: me,
  });
  return { send, ...rendered };
}

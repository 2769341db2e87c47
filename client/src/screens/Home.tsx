import { normaliseCode } from '@circlewise/shared/commands';
import { HomeCircles } from '../circle/HomeCircles';
import { JoinForm } from '../components/JoinForm';
import { StartMeetingForm } from '../components/StartMeetingForm';
import { createMeeting } from '../net/api';
import { saveParticipant } from '../net/identity';
import { meetingPath, navigate } from '../routing';

export function Home() {
  return (
    <main className="page narrow">
      <header>
        <h1>Circlewise</h1>
        <p className="ask">
          Sociocratic meetings, live: an agenda of consent decisions, role elections and rounds. One laptop to
          facilitate, everyone’s phone to take part, and each circle’s records in one place.
        </p>
      </header>
      <JoinForm
        askCode
        onJoin={(code, name) => {
          const c = normaliseCode(code);
          saveParticipant(c, name);
          navigate(meetingPath(c));
        }}
      />
      <StartMeetingForm heading="Start a meeting" submitLabel="Start a meeting" create={createMeeting} />
      <HomeCircles />
    </main>
  );
}

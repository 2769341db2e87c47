import { normaliseCode } from '@circlewise/shared/commands';
import { HomeCircles } from '../circle/HomeCircles';
import { JoinForm } from '../components/JoinForm';
import { StartMeetingForm } from '../components/StartMeetingForm';
import { createMeeting } from '../net/api';
import { saveParticipant } from '../net/identity';
import { meetingPath, navigate } from '../routing';

export function Home() {
  return (
    <div className="page narrow">
      <header>
        <h1>Circlewise</h1>
        <p className="ask">
          Consent decisions and role elections together: one laptop to facilitate, everyone’s phone to take
          part.
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
    </div>
  );
}

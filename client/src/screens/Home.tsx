import { normaliseCode } from '@circlewise/shared/commands';
import { HomeCircles } from '../circle/HomeCircles';
import { JoinForm } from '../components/JoinForm';
import { StartMeetingForm } from '../components/StartMeetingForm';
import { useT } from '../i18n';
import { LanguageMenu } from '../i18n/LanguageMenu';
import { createMeeting } from '../net/api';
import { saveParticipant } from '../net/identity';
import { meetingPath, navigate } from '../routing';

export function Home() {
  const t = useT('common');
  return (
    <main className="page narrow">
      <header>
        <h1>Circlewise</h1>
        <p className="ask">{t('home.intro')}</p>
        <LanguageMenu />
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

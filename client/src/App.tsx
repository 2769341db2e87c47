import { CircleMinutesScreen } from './circle/CircleMinutes';
import { CirclePage } from './circle/CirclePage';
import { Console } from './facilitator/Console';
import { MinutesScreen } from './minutes/Minutes';
import { ReturnWhenHandedBack } from './participant/ReturnWhenHandedBack';
import { Projector } from './projector/Projector';
import { parseRoute, useAddress } from './routing';
import { FacilitatorScreen } from './screens/FacilitatorScreen';
import { Home } from './screens/Home';
import { ParticipantScreen } from './screens/ParticipantScreen';
import { ScreenLinkScreen } from './screens/ScreenLinkScreen';

export function App() {
  const route = parseRoute(useAddress());
  switch (route.page) {
    case 'home':
      return <Home />;
    case 'participant':
      return <ParticipantScreen key={route.code} code={route.code} />;
    case 'facilitate':
      return (
        <FacilitatorScreen key={route.code} code={route.code}>
          <ReturnWhenHandedBack code={route.code} />
          <Console />
        </FacilitatorScreen>
      );
    case 'projector':
      return (
        <FacilitatorScreen key={route.code} code={route.code}>
          <Projector />
        </FacilitatorScreen>
      );
    case 'minutes':
      return <MinutesScreen key={route.code} code={route.code} />;
    case 'circle':
      return <CirclePage key={route.key} circleKey={route.key} />;
    case 'circle-minutes':
      return (
        <CircleMinutesScreen key={`${route.key}/${route.code}`} circleKey={route.key} code={route.code} />
      );
    case 'screen':
      return <ScreenLinkScreen key={route.code} code={route.code} />;
    case 'not-found':
      return (
        <main className="page narrow">
          <h1>Page not found</h1>
          <p>
            <a href="/">Go to the start page</a>
          </p>
        </main>
      );
  }
}

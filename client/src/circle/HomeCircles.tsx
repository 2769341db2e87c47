import { useState } from 'react';
import { loadSavedCircles } from '../net/savedCircles';
import { StartCircle } from './StartCircle';
import { YourCircles } from './YourCircles';

/** Home's circle sections: the circles this browser keeps, and starting a new one. */
export function HomeCircles() {
  const [circles, setCircles] = useState(loadSavedCircles);
  return (
    <>
      <YourCircles circles={circles} />
      <StartCircle onCreated={() => setCircles(loadSavedCircles())} />
    </>
  );
}

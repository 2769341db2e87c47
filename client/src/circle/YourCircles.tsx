import { circlePath } from '@circlewise/shared/circles';
import type { SavedCircle } from '../net/savedCircles';

/** Home's list of the circles this browser has opened, newest first; nothing when there are none. */
export function YourCircles({ circles }: { circles: SavedCircle[] }) {
  if (circles.length === 0) return null;
  return (
    <section className="card" aria-labelledby="your-circles-heading">
      <h2 id="your-circles-heading">Your circles</h2>
      <ul className="list">
        {circles.map((c) => (
          <li key={c.key}>
            <a href={circlePath(c.key)}>{c.name}</a>
          </li>
        ))}
      </ul>
      <p className="muted">Circles opened in this browser.</p>
    </section>
  );
}

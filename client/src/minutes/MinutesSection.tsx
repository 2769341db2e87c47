import type { ReactNode } from 'react';

/**
 * One titled part of the minutes, a card named by its heading. `discussion`: who said what, which
 * the decisions-only reading leaves out (Sociocracy For All records decisions, not speeches).
 */
export function MinutesSection({
  id,
  heading,
  discussion = false,
  children,
}: {
  id: string;
  heading: string;
  discussion?: boolean;
  children: ReactNode;
}) {
  return (
    <section className={discussion ? 'card minutes-discussion' : 'card'} aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {children}
    </section>
  );
}

/** A moment (ms) as the day it fell on, in this browser's language and time zone. */
export function formatDay(at: number): string {
  return new Date(at).toLocaleDateString([], { year: 'numeric', month: 'long', day: 'numeric' });
}

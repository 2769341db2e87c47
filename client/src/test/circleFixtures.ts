/** A circle as GET /api/circle returns it (shared/src/circles.ts), for the circle pages' tests. */
import type { Agreement, CircleOverview } from '@circlewise/shared/circles';

export const KEY = 'k3yOfTheGardenCircle_0123456789abcdefghijk';
/** S10: the key is in the Authorization header, not the path. */
export const CIRCLE_URL = '/api/circle';
const DAY = 86_400_000;
const T0 = Date.UTC(2025, 0, 15, 9, 0);

export function agreement(over: Partial<Agreement> & { id: string; title: string }): Agreement {
  return {
    driver: 'The plants are dying.',
    text: 'Ben waters the plants every Monday.',
    concerns: [],
    adoptedAt: T0,
    reviewDate: '2025-07-15',
    status: 'active',
    due: 'later',
    meetingCode: 'ABC123',
    reviews: [],
    ...over,
  };
}

/**
 * Agreements in a deliberately jumbled order (later, none, overdue, dropped, due), so a test can
 * see that the page itself puts those needing review first.
 */
export function gardenCircle(): CircleOverview {
  return {
    circle: {
      id: 'c1',
      name: 'Garden circle',
      aim: 'We keep the shared garden growing.',
      reviewMonths: 6,
      members: ['Ana', 'Ben', 'Cleo'],
      createdAt: T0 - 30 * DAY,
    },
    hasKeeperKey: true,
    meetings: [
      { code: 'OLD111', title: 'Compost', createdAt: T0 - 20 * DAY, closedAt: T0 - 20 * DAY + 3_600_000 },
      { code: 'NEW222', title: 'Spring planning', createdAt: T0, closedAt: null },
    ],
    agreements: [
      agreement({ id: 'a-later', title: 'Tool shed', due: 'later', reviewDate: '2026-03-01' }),
      agreement({ id: 'a-none', title: 'Seed swap', due: 'none', reviewDate: null }),
      agreement({
        id: 'a-overdue',
        title: 'Plant care',
        due: 'overdue',
        reviewDate: '2024-12-01',
        concerns: ['Cleo: Who waters in March?'],
        meetingCode: 'OLD111',
        reviews: [{ at: T0 - 10 * DAY, result: 'evolve', meetingCode: 'OLD111', reviewDate: '2024-12-01' }],
      }),
      agreement({ id: 'a-dropped', title: 'Bee hotel', status: 'dropped', due: 'none', reviewDate: null }),
      agreement({ id: 'a-due', title: 'Watering rota', due: 'due', reviewDate: '2025-02-01' }),
    ],
    roles: [
      {
        role: 'Garden lead',
        person: 'Ana',
        termStart: '2025-02-01',
        termEnd: '2026-01-31',
        electedAt: T0,
        meetingCode: 'OLD111',
      },
    ],
  };
}

export function emptyCircle(): CircleOverview {
  return { ...gardenCircle(), meetings: [], agreements: [], roles: [] };
}

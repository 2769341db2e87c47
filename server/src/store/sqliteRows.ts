/** The rows of the tables two store modules read, as better-sqlite3 returns them (snake_case). */

export interface MeetingRow {
  id: string;
  code: string;
  created_at: number;
  closed_at: number | null;
  circle_id: string | null;
}

export interface RoleRow {
  meeting_id: string;
  role: string;
  participant_id: string;
  person: string;
  term_start: string;
  term_end: string;
  elected_at: number;
}

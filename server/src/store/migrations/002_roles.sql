-- E5: the role register, a projection of election.recorded events, written in the same
-- transaction as the event. Circles own it once they exist (issue 4); until then, by meeting.
CREATE TABLE roles (
  meeting_id     TEXT NOT NULL REFERENCES meetings (id),
  role           TEXT NOT NULL,
  participant_id TEXT NOT NULL,
  person         TEXT NOT NULL,
  term_start     TEXT NOT NULL,
  term_end       TEXT NOT NULL,
  elected_at     INTEGER NOT NULL,
  PRIMARY KEY (meeting_id, role)
) WITHOUT ROWID;

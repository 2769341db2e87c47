-- The append-only log (A1, A3): one row per event, keyed by its place in the meeting.
CREATE TABLE meetings (
  id         TEXT PRIMARY KEY,
  code       TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  closed_at  INTEGER
);

CREATE TABLE events (
  meeting_id TEXT NOT NULL REFERENCES meetings (id),
  seq        INTEGER NOT NULL,
  command_id TEXT NOT NULL,
  type       TEXT NOT NULL,
  at         INTEGER NOT NULL,
  body       TEXT NOT NULL,
  PRIMARY KEY (meeting_id, seq)
) WITHOUT ROWID;

-- A2: a command is recorded once; a retry finds its result here.
CREATE TABLE commands (
  meeting_id TEXT NOT NULL REFERENCES meetings (id),
  command_id TEXT NOT NULL,
  last_seq   INTEGER NOT NULL,
  PRIMARY KEY (meeting_id, command_id)
) WITHOUT ROWID;

-- S4: secrets are stored hashed only.
CREATE TABLE tokens (
  token_hash     TEXT PRIMARY KEY,
  meeting_id     TEXT NOT NULL REFERENCES meetings (id),
  role           TEXT NOT NULL CHECK (role IN ('facilitator', 'participant')),
  participant_id TEXT
) WITHOUT ROWID;

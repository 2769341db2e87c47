-- S3, R3: circles own meetings and keep their registers. The member key is a capability, stored
-- only as its hash (S4); rotating it replaces the hash, so the old link stops working at once.
CREATE TABLE circles (
  id              TEXT PRIMARY KEY,
  name            TEXT NOT NULL,
  aim             TEXT NOT NULL,
  review_months   INTEGER NOT NULL,
  members         TEXT NOT NULL, -- JSON array of names
  created_at      INTEGER NOT NULL,
  member_key_hash TEXT NOT NULL UNIQUE
);

-- A meeting held in a circle; NULL for one held outside any circle (and every older meeting).
ALTER TABLE meetings ADD COLUMN circle_id TEXT REFERENCES circles (id);
CREATE INDEX meetings_by_circle ON meetings (circle_id, created_at);

-- R3: the agreement register, a projection of `outcome.recorded` events with `agreed`, written
-- in the same transaction as the event. A review updates the row and adds an agreement_reviews row.
CREATE TABLE agreements (
  id          TEXT PRIMARY KEY,
  circle_id   TEXT NOT NULL REFERENCES circles (id),
  meeting_id  TEXT NOT NULL REFERENCES meetings (id),
  title       TEXT NOT NULL,
  driver      TEXT NOT NULL,
  text        TEXT NOT NULL,
  concerns    TEXT NOT NULL, -- JSON array of "Name: reason"
  adopted_at  INTEGER NOT NULL,
  review_date TEXT,          -- YYYY-MM-DD; NULL once dropped
  status      TEXT NOT NULL CHECK (status IN ('active', 'dropped'))
);
CREATE INDEX agreements_by_circle ON agreements (circle_id);

CREATE TABLE agreement_reviews (
  agreement_id TEXT NOT NULL REFERENCES agreements (id),
  at           INTEGER NOT NULL,
  result       TEXT NOT NULL CHECK (result IN ('keep', 'evolve', 'drop')),
  meeting_id   TEXT NOT NULL REFERENCES meetings (id),
  review_date  TEXT
);
CREATE INDEX agreement_reviews_by_agreement ON agreement_reviews (agreement_id, at);

-- Search over a circle's minutes and agreements. Only public text goes in (A6): a sealed event's
-- content is indexed when a reveal makes it public, never before. `title` is set for agreements;
-- a minutes row takes its meeting's title when read.
CREATE VIRTUAL TABLE search USING fts5(
  body,
  circle_id UNINDEXED,
  meeting_id UNINDEXED,
  kind UNINDEXED,
  title UNINDEXED,
  at UNINDEXED,
  agreement_id UNINDEXED,
  tokenize = 'unicode61 remove_diacritics 2'
);

-- The projector's screen link: a read-only capability, one per meeting, replaced when the
-- facilitator rotates it. Stored hashed only (S4).
CREATE TABLE screen_links (
  meeting_id TEXT PRIMARY KEY REFERENCES meetings (id),
  token_hash TEXT NOT NULL UNIQUE
) WITHOUT ROWID;

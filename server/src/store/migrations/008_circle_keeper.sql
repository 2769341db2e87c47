-- Issue 11 §6, keys. A circle's keeper key: needed to rotate its member key, so a member cannot
-- lock the others out. Stored hashed only (S4). NULL for a circle made before this migration: its
-- next rotation mints one (server/src/http/keeper.ts).
ALTER TABLE circles ADD COLUMN keeper_key_hash TEXT;
CREATE UNIQUE INDEX circles_by_keeper_key ON circles (keeper_key_hash) WHERE keeper_key_hash IS NOT NULL;

-- S2: participant tokens are minted by the server. A new device's first join carries a joinId (a
-- random idempotency id); its hash is kept with the token it minted, so a retry after a lost ack
-- finds the same participant (and gets a fresh token: the lost one is replaced). Cleared once the
-- device comes back with its token. NULL for tokens made before, and for facilitator keys.
ALTER TABLE tokens ADD COLUMN join_id_hash TEXT;
CREATE UNIQUE INDEX tokens_by_join_id ON tokens (meeting_id, join_id_hash) WHERE join_id_hash IS NOT NULL;

-- A2: a command id is kept once per sender (the participant, the facilitator or the server), not
-- once per meeting: one person resending another's id must not drop their own command. SQLite
-- cannot change a primary key, so the table is made again with the sender in its key. Rows kept
-- from before take the author of the command's last event as their sender; a row whose event
-- cannot be read (A11) keeps an empty sender rather than stop the migration.
CREATE TABLE commands_by_sender (
  meeting_id TEXT NOT NULL REFERENCES meetings (id),
  sender     TEXT NOT NULL DEFAULT '',
  command_id TEXT NOT NULL,
  last_seq   INTEGER NOT NULL,
  PRIMARY KEY (meeting_id, sender, command_id)
) WITHOUT ROWID;

INSERT OR IGNORE INTO commands_by_sender (meeting_id, sender, command_id, last_seq)
SELECT c.meeting_id,
       COALESCE(
         (SELECT CASE WHEN json_valid(e.body) THEN json_extract(e.body, '$.by') END
            FROM events e
           WHERE e.meeting_id = c.meeting_id AND e.seq = c.last_seq),
         ''),
       c.command_id,
       c.last_seq
  FROM commands c;

DROP TABLE commands;
ALTER TABLE commands_by_sender RENAME TO commands;

-- T1: a circle's default timebox minutes per stage, as JSON ({"clarifying": 10, ...}). NULL: the
-- app's defaults, as for every older circle.
ALTER TABLE circles ADD COLUMN timebox_minutes TEXT;

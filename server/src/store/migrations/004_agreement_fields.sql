-- R3: who is responsible for an agreement and its evaluation criteria, as given with its adoption
-- (or its latest review that gave them). NULL when none were given, as for every older agreement.
ALTER TABLE agreements ADD COLUMN responsible TEXT;
ALTER TABLE agreements ADD COLUMN evaluation TEXT;

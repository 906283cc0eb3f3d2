-- Guardians' contacts and devices' condition change over time: they are edited with
-- optimistic locking like the other records.
ALTER TABLE guardian ADD COLUMN version INT NOT NULL DEFAULT 0;
ALTER TABLE device ADD COLUMN version INT NOT NULL DEFAULT 0;

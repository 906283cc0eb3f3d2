CREATE INDEX ix_learner_path ON learner (path);

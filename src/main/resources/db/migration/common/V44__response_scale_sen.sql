-- Whether a pupil said they get help for SEN, kept beside each scale score of their response
-- too, so that the scores are grouped by it (the small-group rule and the indicators' learner
-- group) in one pass over the scores, without joining every score to its response: on a
-- national year of rounds that join cost most of the indicators' reading (docs/BENCHMARKS.md).
ALTER TABLE quality_response_scale ADD COLUMN sen BOOLEAN;
UPDATE quality_response_scale SET sen = (SELECT q.sen FROM quality_response q WHERE q.id = quality_response_scale.response_id)
WHERE response_id IN (SELECT id FROM quality_response WHERE sen IS NOT NULL);

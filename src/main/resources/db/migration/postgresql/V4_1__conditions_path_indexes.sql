-- See V1_1: prefix searches on paths need the pattern operator class.
CREATE INDEX ix_condition_survey_path ON condition_survey (path varchar_pattern_ops);
CREATE INDEX ix_staff_member_path ON staff_member (path varchar_pattern_ops);

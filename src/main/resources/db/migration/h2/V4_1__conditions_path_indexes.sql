CREATE INDEX ix_condition_survey_path ON condition_survey (path);
CREATE INDEX ix_staff_member_path ON staff_member (path);

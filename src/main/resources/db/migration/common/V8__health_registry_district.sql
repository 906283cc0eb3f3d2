-- The district of residence (that of the polyclinic the child is attached to), when the
-- health registry gives it: reconciliation lists out-of-school children per district.
-- The record's path is then the district's; without one it stays the region's.
ALTER TABLE health_registry_record ADD COLUMN district_code VARCHAR(40) REFERENCES org_unit (code);

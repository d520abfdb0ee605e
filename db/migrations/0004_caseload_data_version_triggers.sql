-- procedures.data_version changes with every write that can change the procedure's assessment, on
-- whatever code path it happens, so that the caseload's assessment cache (caseload_assessments,
-- valid only for the data_version it was computed from) can never serve a stale assessment.
-- docs/decisions/008-caseload-assessment-cache.md.

-- Any update of a procedure (an edit, a soft delete, or one of the bumps below) raises it. A
-- BEFORE trigger that only changes NEW does not fire itself again.
CREATE OR REPLACE FUNCTION procedures_raise_data_version() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.data_version := OLD.data_version + 1;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER procedures_data_version
  BEFORE UPDATE ON procedures
  FOR EACH ROW EXECUTE FUNCTION procedures_raise_data_version();--> statement-breakpoint

-- Diary entries and flag acknowledgements raise their procedure's version: once per statement and
-- procedure (a set-based insert of a year of entries updates each procedure once), from the
-- transition tables. An update raises both the old and the new procedure (an entry moved between
-- procedures). PostgreSQL allows one event per trigger with transition tables, hence three each.
CREATE OR REPLACE FUNCTION raise_procedure_data_version() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE procedures SET data_version = data_version + 1
    WHERE id IN (SELECT procedure_id FROM new_rows);
  ELSIF TG_OP = 'UPDATE' THEN
    UPDATE procedures SET data_version = data_version + 1
    WHERE id IN (SELECT procedure_id FROM new_rows UNION SELECT procedure_id FROM old_rows);
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE procedures SET data_version = data_version + 1
    WHERE id IN (SELECT procedure_id FROM old_rows);
  ELSE -- TRUNCATE: every procedure may have lost rows
    UPDATE procedures SET data_version = data_version + 1;
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER diary_entries_data_version_insert
  AFTER INSERT ON diary_entries REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION raise_procedure_data_version();--> statement-breakpoint
CREATE TRIGGER diary_entries_data_version_update
  AFTER UPDATE ON diary_entries REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION raise_procedure_data_version();--> statement-breakpoint
CREATE TRIGGER diary_entries_data_version_delete
  AFTER DELETE ON diary_entries REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION raise_procedure_data_version();--> statement-breakpoint
CREATE TRIGGER diary_entries_data_version_truncate
  AFTER TRUNCATE ON diary_entries
  FOR EACH STATEMENT EXECUTE FUNCTION raise_procedure_data_version();--> statement-breakpoint
CREATE TRIGGER flag_acknowledgements_data_version_insert
  AFTER INSERT ON flag_acknowledgements REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION raise_procedure_data_version();--> statement-breakpoint
CREATE TRIGGER flag_acknowledgements_data_version_update
  AFTER UPDATE ON flag_acknowledgements REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION raise_procedure_data_version();--> statement-breakpoint
CREATE TRIGGER flag_acknowledgements_data_version_delete
  AFTER DELETE ON flag_acknowledgements REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION raise_procedure_data_version();--> statement-breakpoint
CREATE TRIGGER flag_acknowledgements_data_version_truncate
  AFTER TRUNCATE ON flag_acknowledgements
  FOR EACH STATEMENT EXECUTE FUNCTION raise_procedure_data_version();

-- Messages are never edited or deleted (SPEC 7.3): the database itself refuses both.
CREATE OR REPLACE FUNCTION messages_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'messages are never edited or deleted: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;--> statement-breakpoint
CREATE TRIGGER messages_no_update_delete
  BEFORE UPDATE OR DELETE ON messages
  FOR EACH ROW EXECUTE FUNCTION messages_refuse_change();--> statement-breakpoint
CREATE TRIGGER messages_no_truncate
  BEFORE TRUNCATE ON messages
  FOR EACH STATEMENT EXECUTE FUNCTION messages_refuse_change();

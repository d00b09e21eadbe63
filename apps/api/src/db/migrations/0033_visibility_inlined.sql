-- Row-level security the planner can inline (docs/performance.md, finding 1). The visibility test
-- was a chain of SQL functions with subqueries in their bodies, which Postgres cannot inline: each
-- row of every protected table paid one or two function calls, each with its own executor start
-- (about 0.4 ms a row). The rules are unchanged; only their form is:
--   * the policies write the test out as an expression (app_visible_case_sql below), reading the
--     actor's settings through scalar subqueries, which Postgres evaluates once per statement;
--   * a table whose rows belong to one class of a person's case tests it with an EXISTS over the
--     case summary, a correlated index look-up per row, instead of calling app_class_visible,
--     app_class_detail_visible or app_person_visible (kept for the PL/pgSQL checks that call them
--     once per write);
--   * app_case_visible itself has no subquery any more (the places the actor sees at the case's
--     stage overlap the places where the case lies for the actor), so SQL functions inline it.
CREATE OR REPLACE FUNCTION app_case_visible(
  p_person uuid, p_stage text, p_establishment uuid, p_district text, p_municipality text,
  p_enrolled uuid[], p_class text
) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT CASE
    WHEN p_person::text = ANY (app_setting_list('app.break_glass'))
      THEN p_class IS NULL OR p_class = ANY (app_setting_list('app.bg_classes_' || lower(p_stage)))
    ELSE (p_class IS NULL OR p_class = ANY (app_setting_list('app.classes_' || lower(p_stage))))
      AND app_setting_list('app.places_' || lower(p_stage)) && ARRAY[
        'ANY',
        CASE WHEN p_establishment::text = current_setting('app.establishment_id', true) THEN 'OWN_ESTABLISHMENT' END,
        CASE WHEN p_district = current_setting('app.judicial_district', true) THEN 'OWN_DISTRICT' END,
        CASE WHEN p_municipality = current_setting('app.municipality', true) THEN 'OWN_MUNICIPALITY' END,
        CASE WHEN current_setting('app.agency_id', true) = ANY (p_enrolled::text[]) THEN 'ENROLLED' END]
  END
$$;
--> statement-breakpoint
-- The SQL text of "the actor sees this case summary row" (p_class NULL), "… this class of it", or
-- with p_detail "… this class of it in detail": app_case_visible and app_case_detail_visible as one
-- expression over the row named p_case, for writing policies.
CREATE OR REPLACE FUNCTION app_visible_case_sql(p_case text, p_class text, p_detail boolean DEFAULT false)
RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  stage text := format('app_case_stage(%1$s.detention_status, %1$s.closed_on)', p_case);
  -- The setting app.<name>_<stage> for the row's stage, as a list read once per statement.
  per_stage constant text :=
    'CASE %1$s WHEN ''IN_PRISON'' THEN (SELECT app_setting_list(''app.%2$s_in_prison''))::text[] '
    'WHEN ''RELEASED'' THEN (SELECT app_setting_list(''app.%2$s_released''))::text[] '
    'ELSE (SELECT app_setting_list(''app.%2$s_closed''))::text[] END';
  places text := format(
    '(%2$s) && ARRAY[''ANY'', '
    'CASE WHEN %1$s.establishment_id::text = (SELECT current_setting(''app.establishment_id'', true)) THEN ''OWN_ESTABLISHMENT'' END, '
    'CASE WHEN %1$s.release_judicial_district = (SELECT current_setting(''app.judicial_district'', true)) THEN ''OWN_DISTRICT'' END, '
    'CASE WHEN %1$s.release_municipality = (SELECT current_setting(''app.municipality'', true)) THEN ''OWN_MUNICIPALITY'' END, '
    'CASE WHEN (SELECT current_setting(''app.agency_id'', true)) = ANY (%1$s.enrolled_with::text[]) THEN ''ENROLLED'' END]',
    p_case, format(per_stage, stage, 'places'));
  granted text;
  allowed text;
BEGIN
  IF p_detail THEN
    granted := format('%s = ANY (%s)', p_class, format(per_stage, stage, 'bg_detail_classes'));
    allowed := format('%s = ANY (%s)', p_class, format(per_stage, stage, 'detail_classes'));
  ELSE
    granted := format('%1$s IS NULL OR %1$s = ANY (%2$s)', p_class, format(per_stage, stage, 'bg_classes'));
    allowed := format('%1$s IS NULL OR %1$s = ANY (%2$s)', p_class, format(per_stage, stage, 'classes'));
  END IF;
  RETURN format(
    'CASE WHEN %1$s.person_id::text = ANY ((SELECT app_setting_list(''app.break_glass''))::text[]) THEN (%2$s) '
    'ELSE (%3$s) AND (%4$s) END',
    p_case, granted, allowed, places);
END
$$;
--> statement-breakpoint
DO $$
DECLARE
  policy record;
  -- \1: the row's person column; \2: the class (a constant, NULL, or a column of the row).
  exists_case constant text :=
    'EXISTS (SELECT 1 FROM person_case_summaries visible_case WHERE visible_case.person_id = %1$I.\1 AND %2$s)';
  expr text;
  rewritten text[];
BEGIN
  FOR policy IN
    SELECT p.polname, c.relname, pg_get_expr(p.polqual, p.polrelid) AS using_expr,
           pg_get_expr(p.polwithcheck, p.polrelid) AS check_expr
    FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid
    WHERE c.relnamespace = 'public'::regnamespace
  LOOP
    rewritten := ARRAY[policy.using_expr, policy.check_expr];
    FOR i IN 1..2 LOOP
      expr := rewritten[i];
      CONTINUE WHEN expr IS NULL;
      expr := regexp_replace(expr,
        'app_case_visible\(person_id, app_case_stage\(detention_status, closed_on\), establishment_id, '
        'release_judicial_district, release_municipality, enrolled_with, NULL::text\)',
        app_visible_case_sql(quote_ident(policy.relname), 'NULL::text'), 'g');
      expr := regexp_replace(expr, 'app_class_visible\((\w+), ((?:''\w+''|NULL)::text)\)',
        format(exists_case, policy.relname, app_visible_case_sql('visible_case', '\2')), 'g');
      expr := regexp_replace(expr, 'app_class_visible\((\w+), (\w+)\)',
        format(exists_case, policy.relname,
               app_visible_case_sql('visible_case', quote_ident(policy.relname) || '.\2')), 'g');
      expr := regexp_replace(expr, 'app_class_detail_visible\((\w+), (''\w+''::text)\)',
        format(exists_case, policy.relname, app_visible_case_sql('visible_case', '\2', true)), 'g');
      expr := regexp_replace(expr, 'app_person_visible\((\w+)\)',
        format(exists_case, policy.relname, app_visible_case_sql('visible_case', 'NULL::text')), 'g');
      rewritten[i] := expr;
    END LOOP;
    IF rewritten[1] IS DISTINCT FROM policy.using_expr THEN
      EXECUTE format('ALTER POLICY %I ON %I USING (%s)', policy.polname, policy.relname, rewritten[1]);
    END IF;
    IF rewritten[2] IS DISTINCT FROM policy.check_expr THEN
      EXECUTE format('ALTER POLICY %I ON %I WITH CHECK (%s)', policy.polname, policy.relname, rewritten[2]);
    END IF;
  END LOOP;
  IF EXISTS (SELECT 1 FROM pg_policies
             WHERE coalesce(qual, '') || coalesce(with_check, '') ~ 'app_(case|class|class_detail|person)_visible\(') THEN
    RAISE EXCEPTION 'a policy still calls a visibility function';
  END IF;
END
$$;

-- Statisticians' aggregate statements run through this one function instead of switching the
-- request's role: SECURITY DEFINER gives the statement the rights of `continuum_statistics` (every
-- row of the counted tables, only the granted columns, no writes) for that statement alone, so
-- nothing else in the request's transaction ever runs with them. It answers only a request whose
-- actor is a statistician (`app.statistician`, set from analyticsScopeOf in packages/domain).
CREATE OR REPLACE FUNCTION app_statistics_rows(statement text) RETURNS SETOF jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF current_setting('app.statistician', true) IS DISTINCT FROM 'on' THEN
    RAISE EXCEPTION 'figures over every case are for statisticians' USING ERRCODE = '42501';
  END IF;
  RETURN QUERY EXECUTE 'select to_jsonb(r) from (' || statement || ') r';
END
$$;
--> statement-breakpoint
-- A function's new owner needs CREATE on its schema; the role keeps no more than it had.
GRANT CREATE ON SCHEMA public TO continuum_statistics;
--> statement-breakpoint
ALTER FUNCTION app_statistics_rows(text) OWNER TO continuum_statistics;
--> statement-breakpoint
REVOKE CREATE ON SCHEMA public FROM continuum_statistics;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_statistics_rows(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_statistics_rows(text) TO continuum_app;

-- The LISTED_PERSONS figure kept as changes of its stock (docs/analytics.md, "Stock kept by
-- trigger"; docs/performance.md). Counted from the history, a snapshot over 500,000 cases read
-- every listing period, placement and person covering the day under row-level security (8 s), and
-- a 6-year monthly series did so 72 times (over 30 s). Here every change to a person's listing
-- history is turned, in the same statement, into +1/-1 changes per day and cell
-- (analytics_listing_changes); a figure sums the changes up to each of its points. The live count
-- stays for filtered figures and for actors who see only part of a stage's cases.

-- Shared with the figures' statements, so that the stock and the live count group persons alike
-- (the lists are packages/domain's nationalityGroupOf and ageBandOf; a test compares them).
CREATE OR REPLACE FUNCTION app_nationality_group(nationalities text[]) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN 'BE' = ANY (nationalities) THEN 'BELGIAN'
              WHEN nationalities && '{AT,BG,CY,CZ,DE,DK,EE,ES,FI,FR,GR,HR,HU,IE,IT,LT,LU,LV,MT,NL,PL,PT,RO,SE,SI,SK}'::text[]
                THEN 'OTHER_EU'
              ELSE 'NON_EU' END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_age_band(p_born date, p_on date) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN extract(year FROM age(p_on, p_born)) < 20 THEN 'UNDER_20'
              WHEN extract(year FROM age(p_on, p_born)) < 30 THEN 'FROM_20_TO_29'
              WHEN extract(year FROM age(p_on, p_born)) < 40 THEN 'FROM_30_TO_39'
              WHEN extract(year FROM age(p_on, p_born)) < 50 THEN 'FROM_40_TO_49'
              ELSE 'FROM_50' END
$$;
--> statement-breakpoint
-- The first day on which someone born on p_born is p_years old, as age() counts: someone born on
-- 29 February is a year older on 1 March of a common year.
CREATE OR REPLACE FUNCTION app_age_reached_on(p_born date, p_years integer) RETURNS date
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN extract(year FROM age(reached, p_born)) < p_years THEN reached + 1 ELSE reached END
  FROM (SELECT (p_born + make_interval(years => p_years))::date AS reached) AS birthday
$$;
--> statement-breakpoint
-- The age bands of app_age_band as periods of a life [from_day, to_day); NULL: unbounded.
CREATE OR REPLACE FUNCTION app_age_bands(p_born date)
RETURNS TABLE (band text, from_day date, to_day date) LANGUAGE sql IMMUTABLE AS $$
  VALUES ('UNDER_20', NULL::date, app_age_reached_on(p_born, 20)),
         ('FROM_20_TO_29', app_age_reached_on(p_born, 20), app_age_reached_on(p_born, 30)),
         ('FROM_30_TO_39', app_age_reached_on(p_born, 30), app_age_reached_on(p_born, 40)),
         ('FROM_40_TO_49', app_age_reached_on(p_born, 40), app_age_reached_on(p_born, 50)),
         ('FROM_50', app_age_reached_on(p_born, 50), NULL::date)
$$;
--> statement-breakpoint
-- What one span adds to the stock: +1 in its cell of each dimension on the day it starts, -1 on the
-- day it ends (the age band's cell changes within a span, on birthdays). TOTAL counts the person
-- once; a person with two labels is in both LABEL cells; the cells are those of the live count.
CREATE OR REPLACE FUNCTION app_listing_span_changes(s analytics_listing_spans)
RETURNS TABLE (dimension text, key text, day date, change integer) LANGUAGE sql IMMUTABLE AS $$
  SELECT piece.dimension, piece.key, edge.day, edge.change
  FROM (
    SELECT 'TOTAL', 'ALL', s.valid_from, s.valid_to
    UNION ALL SELECT 'CATEGORY', coalesce(s.category, 'NONE'), s.valid_from, s.valid_to
    UNION ALL SELECT 'LABEL', label, s.valid_from, s.valid_to
      FROM (SELECT DISTINCT unnest(coalesce(nullif(s.labels, '{}'), '{NONE}'))) AS labels (label)
    UNION ALL SELECT 'SEX', s.sex, s.valid_from, s.valid_to
    UNION ALL SELECT 'NATIONALITY_GROUP', s.nationality_group, s.valid_from, s.valid_to
    UNION ALL SELECT 'LANGUAGE_COMMUNITY', s.language_community, s.valid_from, s.valid_to
    UNION ALL SELECT 'RETURNEE', CASE WHEN s.returnee THEN 'YES' ELSE 'NO' END, s.valid_from, s.valid_to
    UNION ALL SELECT 'FAILED_TRAVELLER', CASE WHEN s.failed_traveller THEN 'YES' ELSE 'NO' END,
      s.valid_from, s.valid_to
    UNION ALL SELECT 'ESTABLISHMENT', coalesce(s.establishment_id::text, 'NONE'), s.valid_from, s.valid_to
    -- greatest and least ignore NULL: an unbounded end of the band or of the span.
    UNION ALL SELECT 'AGE_BAND', b.band, greatest(s.valid_from, b.from_day), least(s.valid_to, b.to_day)
      FROM app_age_bands(s.date_of_birth) AS b
      WHERE (b.to_day IS NULL OR b.to_day > s.valid_from)
        AND (b.from_day IS NULL OR s.valid_to IS NULL OR b.from_day < s.valid_to)
  ) AS piece (dimension, key, from_day, to_day)
  CROSS JOIN LATERAL (VALUES (piece.from_day, 1), (piece.to_day, -1)) AS edge (day, change)
  WHERE edge.day IS NOT NULL
$$;
--> statement-breakpoint
-- The persons' spans, from the history: each listing period cut where a placement starts or ends
-- within it (placements never overlap), with the person's attributes and the case's stage now.
CREATE OR REPLACE FUNCTION app_listing_spans_of(p_persons uuid[]) RETURNS SETOF analytics_listing_spans
LANGUAGE sql STABLE AS $$
  SELECT lp.person_id, app_case_stage(cs.detention_status, cs.closed_on), cut.valid_from, cut.valid_to,
         lp.category, lp.labels, pl.establishment_id, p.sex, p.date_of_birth,
         app_nationality_group(p.nationalities), p.language_community, p.returnee, p.failed_traveller
  FROM listing_periods lp
  JOIN persons p ON p.id = lp.person_id
  JOIN person_case_summaries cs ON cs.person_id = lp.person_id
  CROSS JOIN LATERAL (
    SELECT b.day AS valid_from, coalesce(lead(b.day) OVER (ORDER BY b.day), lp.valid_to) AS valid_to
    FROM (SELECT lp.valid_from AS day
          UNION
          SELECT edge.day FROM placements q CROSS JOIN LATERAL (VALUES (q.valid_from), (q.valid_to)) AS edge (day)
          WHERE q.person_id = lp.person_id AND edge.day > lp.valid_from
            AND (lp.valid_to IS NULL OR edge.day < lp.valid_to)) AS b
  ) AS cut
  LEFT JOIN placements pl ON pl.person_id = lp.person_id AND pl.valid_from <= cut.valid_from
    AND (pl.valid_to IS NULL OR pl.valid_to > cut.valid_from)
  WHERE lp.person_id = ANY (p_persons)
$$;
--> statement-breakpoint
-- Replaces the persons' spans with their history's and appends the difference to the changes: only
-- the days and cells that differ are written, as new rows (no shared row is updated, so concurrent
-- writers neither wait nor deadlock on one). Definer's rights: the stock counts every case,
-- whoever changed the history.
CREATE OR REPLACE FUNCTION app_refresh_listing_stock(p_persons uuid[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF coalesce(cardinality(p_persons), 0) = 0 THEN
    RETURN;
  END IF;
  -- Two transactions refreshing one person would each rebuild the spans from a snapshot without the
  -- other's change, and both add their difference. The person's row lock (held to commit) makes the
  -- second wait; its next statement then sees the first's spans and history.
  PERFORM 1 FROM persons WHERE id = ANY (p_persons) ORDER BY id FOR NO KEY UPDATE;
  WITH gone AS (
    DELETE FROM analytics_listing_spans WHERE person_id = ANY (p_persons) RETURNING *
  ), fresh AS (
    INSERT INTO analytics_listing_spans SELECT * FROM app_listing_spans_of(p_persons) RETURNING *
  ), net AS (
    SELECT span.stage, c.dimension, c.key, c.day, sum(span.sign * c.change)::integer AS change
    FROM (SELECT gone.stage, -1 AS sign, ROW(gone.*)::analytics_listing_spans AS span_row FROM gone
          UNION ALL
          SELECT fresh.stage, 1, ROW(fresh.*)::analytics_listing_spans FROM fresh) AS span
    CROSS JOIN LATERAL app_listing_span_changes(span.span_row) AS c
    GROUP BY 1, 2, 3, 4
    HAVING sum(span.sign * c.change) <> 0
  )
  INSERT INTO analytics_listing_changes (dimension, stage, key, day, change)
  SELECT net.dimension, net.stage, net.key, net.day, net.change FROM net;
END
$$;
--> statement-breakpoint
-- Merges the rows of each cell and day into one (dropping those that sum to zero); run daily with
-- the retention sweep. Rows appended meanwhile are not in its snapshot and stay as they are.
CREATE OR REPLACE FUNCTION app_compact_listing_stock() RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  merged integer;
BEGIN
  -- One merge at a time (each API process runs the daily job).
  IF NOT pg_try_advisory_xact_lock(hashtext('app_compact_listing_stock')) THEN
    RETURN 0;
  END IF;
  WITH repeated AS (
    SELECT dimension, stage, key, day FROM analytics_listing_changes
    GROUP BY 1, 2, 3, 4 HAVING count(*) > 1 OR sum(change) = 0
  ), gone AS (
    DELETE FROM analytics_listing_changes c USING repeated r
    WHERE (c.dimension, c.stage, c.key, c.day) = (r.dimension, r.stage, r.key, r.day)
    RETURNING c.dimension, c.stage, c.key, c.day, c.change
  ), kept AS (
    INSERT INTO analytics_listing_changes (dimension, stage, key, day, change)
    SELECT dimension, stage, key, day, sum(change)::integer FROM gone
    GROUP BY 1, 2, 3, 4 HAVING sum(change) <> 0
  )
  SELECT count(*)::integer INTO merged FROM gone;
  RETURN merged;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_compact_listing_stock() FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_refresh_listing_stock(uuid[]) FROM PUBLIC;
--> statement-breakpoint
-- Statement triggers: a batch of rows refreshes its persons once. Listing periods and placements
-- shape the spans; UPDATE passes both the old and the new rows' persons.
CREATE OR REPLACE FUNCTION app_listing_stock_history_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM app_refresh_listing_stock(ARRAY(SELECT DISTINCT person_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM app_refresh_listing_stock(ARRAY(SELECT DISTINCT person_id FROM old_rows));
  ELSE
    PERFORM app_refresh_listing_stock(ARRAY(SELECT person_id FROM new_rows UNION SELECT person_id FROM old_rows));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- A person's counted attributes.
CREATE OR REPLACE FUNCTION app_listing_stock_person_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM app_refresh_listing_stock(ARRAY(
    SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (n.sex, n.date_of_birth, n.nationalities, n.language_community, n.returnee, n.failed_traveller)
      IS DISTINCT FROM (o.sex, o.date_of_birth, o.nationalities, o.language_community, o.returnee, o.failed_traveller)));
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- The case's stage, which decides who may count it (a summary may also be written after the
-- history, and a case without a summary is counted by no one).
CREATE OR REPLACE FUNCTION app_listing_stock_stage_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM app_refresh_listing_stock(ARRAY(SELECT n.person_id FROM new_rows n));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM app_refresh_listing_stock(ARRAY(SELECT o.person_id FROM old_rows o));
  ELSE
    PERFORM app_refresh_listing_stock(ARRAY(
      SELECT n.person_id FROM new_rows n JOIN old_rows o ON o.person_id = n.person_id
      WHERE app_case_stage(n.detention_status, n.closed_on) IS DISTINCT FROM app_case_stage(o.detention_status, o.closed_on)));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
DO $$
DECLARE
  history text;
BEGIN
  FOREACH history IN ARRAY ARRAY['listing_periods', 'placements'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows '
      'FOR EACH STATEMENT EXECUTE FUNCTION app_listing_stock_history_changed()', history || '_stock_insert', history);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows '
      'FOR EACH STATEMENT EXECUTE FUNCTION app_listing_stock_history_changed()', history || '_stock_update', history);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows '
      'FOR EACH STATEMENT EXECUTE FUNCTION app_listing_stock_history_changed()', history || '_stock_delete', history);
  END LOOP;
END
$$;
--> statement-breakpoint
CREATE TRIGGER persons_stock_update AFTER UPDATE ON persons REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION app_listing_stock_person_changed();
--> statement-breakpoint
CREATE TRIGGER person_case_summaries_stock_insert AFTER INSERT ON person_case_summaries
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app_listing_stock_stage_changed();
--> statement-breakpoint
CREATE TRIGGER person_case_summaries_stock_update AFTER UPDATE ON person_case_summaries
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app_listing_stock_stage_changed();
--> statement-breakpoint
CREATE TRIGGER person_case_summaries_stock_delete AFTER DELETE ON person_case_summaries
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION app_listing_stock_stage_changed();
--> statement-breakpoint
-- Nobody reads the spans but the refresh. The changes are counts, yet per establishment and day they
-- still say where listed persons are: the API's role reads a stage's rows only when it reads every
-- listing of that stage (every place, the LISTING class, no break-the-glass grant narrowing it),
-- and the rows per establishment only with the DETENTION class too, which is when the API uses
-- them (analytics.stock.ts); statisticians' figures read them all.
ALTER TABLE analytics_listing_spans ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE analytics_listing_spans FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY analytics_listing_spans_owner ON analytics_listing_spans TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
-- Said outright, though the role has no grant on the table: it reads no span.
CREATE POLICY analytics_listing_spans_none ON analytics_listing_spans FOR SELECT TO continuum_app USING (false);
--> statement-breakpoint
ALTER TABLE analytics_listing_changes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE analytics_listing_changes FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY analytics_listing_changes_owner ON analytics_listing_changes TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT ON analytics_listing_changes TO continuum_app, continuum_statistics;
--> statement-breakpoint
CREATE POLICY analytics_listing_changes_statistics ON analytics_listing_changes FOR SELECT TO continuum_statistics
  USING (true);
--> statement-breakpoint
CREATE POLICY analytics_listing_changes_read ON analytics_listing_changes FOR SELECT TO continuum_app USING (
  cardinality((SELECT app_setting_list('app.break_glass'))) = 0
  AND 'ANY' = ANY (CASE stage WHEN 'IN_PRISON' THEN (SELECT app_setting_list('app.places_in_prison'))
                              WHEN 'RELEASED' THEN (SELECT app_setting_list('app.places_released'))
                              ELSE (SELECT app_setting_list('app.places_closed')) END)
  AND 'LISTING' = ANY (CASE stage WHEN 'IN_PRISON' THEN (SELECT app_setting_list('app.classes_in_prison'))
                                  WHEN 'RELEASED' THEN (SELECT app_setting_list('app.classes_released'))
                                  ELSE (SELECT app_setting_list('app.classes_closed')) END)
  -- Which prison held a person is a placement: DETENTION data.
  AND (dimension <> 'ESTABLISHMENT'
       OR 'DETENTION' = ANY (CASE stage WHEN 'IN_PRISON' THEN (SELECT app_setting_list('app.classes_in_prison'))
                                        WHEN 'RELEASED' THEN (SELECT app_setting_list('app.classes_released'))
                                        ELSE (SELECT app_setting_list('app.classes_closed')) END)));
--> statement-breakpoint
SELECT app_refresh_listing_stock(ARRAY(SELECT DISTINCT person_id FROM listing_periods));

-- Report rollups (tables in 0003), kept exact by triggers inside the transaction of every write
-- to time_entries and of every change to a request's class, department or type; no service code
-- writes them. A request's class as reports count it: a classification counts once a marketer
-- confirmed it (classification_suggested = 0), otherwise its time is unclassified (reportClassOf
-- in packages/shared, reportClass in modules/reports/report-class.ts). Weeks start on Monday:
-- date(d, '-6 days', 'weekday 1'). A rollup row goes when its last entry does. Updates that set
-- none of the watched columns (a move, an edit of a title) fire nothing.
CREATE VIEW `report_request_class` AS
  SELECT id, department_id, type_id, (case when classification_suggested = 0 and classification = 'strategic' then 'strategic' when classification_suggested = 0 and classification = 'tactical' then 'tactical' else 'unclassified' end) AS class
  FROM requests;
--> statement-breakpoint
CREATE TRIGGER `time_entries_rollup_insert` AFTER INSERT ON `time_entries` BEGIN
  INSERT INTO time_rollup_day (date, department_id, type_id, strategic_minutes, tactical_minutes, unclassified_minutes, entries)
    SELECT new.date, r.department_id, r.type_id, iif(r.class = 'strategic', new.minutes, 0), iif(r.class = 'tactical', new.minutes, 0), iif(r.class = 'unclassified', new.minutes, 0), 1
    FROM report_request_class AS r WHERE r.id = new.request_id
    ON CONFLICT (date, department_id, type_id) DO UPDATE SET
      strategic_minutes = strategic_minutes + excluded.strategic_minutes, tactical_minutes = tactical_minutes + excluded.tactical_minutes, unclassified_minutes = unclassified_minutes + excluded.unclassified_minutes,
      entries = entries + excluded.entries;
  -- The week's distinct requests: this entry is its request's only one that week.
  INSERT INTO time_rollup_week (week, department_id, type_id, strategic_minutes, tactical_minutes, unclassified_minutes, entries, requests)
    SELECT date(new.date, '-6 days', 'weekday 1'), r.department_id, r.type_id, iif(r.class = 'strategic', new.minutes, 0), iif(r.class = 'tactical', new.minutes, 0), iif(r.class = 'unclassified', new.minutes, 0), 1,
      (NOT EXISTS (SELECT 1 FROM time_entries AS e WHERE e.request_id = new.request_id
        AND e.date BETWEEN date(new.date, '-6 days', 'weekday 1') AND date(new.date, '-6 days', 'weekday 1', '+6 days') AND e.id <> new.id))
    FROM report_request_class AS r WHERE r.id = new.request_id
    ON CONFLICT (week, department_id, type_id) DO UPDATE SET
      strategic_minutes = strategic_minutes + excluded.strategic_minutes, tactical_minutes = tactical_minutes + excluded.tactical_minutes, unclassified_minutes = unclassified_minutes + excluded.unclassified_minutes,
      entries = entries + excluded.entries, requests = requests + excluded.requests;
  INSERT INTO time_rollup_user_day (date, user_id, strategic_minutes, tactical_minutes, unclassified_minutes, entries)
    SELECT new.date, new.user_id, iif(r.class = 'strategic', new.minutes, 0), iif(r.class = 'tactical', new.minutes, 0), iif(r.class = 'unclassified', new.minutes, 0), 1
    FROM report_request_class AS r WHERE r.id = new.request_id
    ON CONFLICT (date, user_id) DO UPDATE SET
      strategic_minutes = strategic_minutes + excluded.strategic_minutes, tactical_minutes = tactical_minutes + excluded.tactical_minutes, unclassified_minutes = unclassified_minutes + excluded.unclassified_minutes,
      entries = entries + excluded.entries;
  INSERT INTO request_time (request_id, department_id, type_id, first_date, last_date, minutes, entries)
    SELECT new.request_id, department_id, type_id, new.date, new.date, new.minutes, 1 FROM requests WHERE id = new.request_id
    ON CONFLICT (request_id) DO UPDATE SET first_date = min(first_date, excluded.first_date), last_date = max(last_date, excluded.last_date),
      minutes = minutes + excluded.minutes, entries = entries + excluded.entries;
  INSERT INTO request_user_time (request_id, user_id, first_date, last_date) VALUES (new.request_id, new.user_id, new.date, new.date)
    ON CONFLICT (request_id, user_id) DO UPDATE SET first_date = min(first_date, excluded.first_date), last_date = max(last_date, excluded.last_date);
END;
--> statement-breakpoint
CREATE TRIGGER `time_entries_rollup_delete` AFTER DELETE ON `time_entries` BEGIN
  INSERT INTO time_rollup_day (date, department_id, type_id, strategic_minutes, tactical_minutes, unclassified_minutes, entries)
    SELECT old.date, r.department_id, r.type_id, -iif(r.class = 'strategic', old.minutes, 0), -iif(r.class = 'tactical', old.minutes, 0), -iif(r.class = 'unclassified', old.minutes, 0), -1
    FROM report_request_class AS r WHERE r.id = old.request_id
    ON CONFLICT (date, department_id, type_id) DO UPDATE SET
      strategic_minutes = strategic_minutes + excluded.strategic_minutes, tactical_minutes = tactical_minutes + excluded.tactical_minutes, unclassified_minutes = unclassified_minutes + excluded.unclassified_minutes,
      entries = entries + excluded.entries;
  -- The week's distinct requests: this entry was its request's only one that week.
  INSERT INTO time_rollup_week (week, department_id, type_id, strategic_minutes, tactical_minutes, unclassified_minutes, entries, requests)
    SELECT date(old.date, '-6 days', 'weekday 1'), r.department_id, r.type_id, -iif(r.class = 'strategic', old.minutes, 0), -iif(r.class = 'tactical', old.minutes, 0), -iif(r.class = 'unclassified', old.minutes, 0), -1,
      -(NOT EXISTS (SELECT 1 FROM time_entries AS e WHERE e.request_id = old.request_id
        AND e.date BETWEEN date(old.date, '-6 days', 'weekday 1') AND date(old.date, '-6 days', 'weekday 1', '+6 days')))
    FROM report_request_class AS r WHERE r.id = old.request_id
    ON CONFLICT (week, department_id, type_id) DO UPDATE SET
      strategic_minutes = strategic_minutes + excluded.strategic_minutes, tactical_minutes = tactical_minutes + excluded.tactical_minutes, unclassified_minutes = unclassified_minutes + excluded.unclassified_minutes,
      entries = entries + excluded.entries, requests = requests + excluded.requests;
  INSERT INTO time_rollup_user_day (date, user_id, strategic_minutes, tactical_minutes, unclassified_minutes, entries)
    SELECT old.date, old.user_id, -iif(r.class = 'strategic', old.minutes, 0), -iif(r.class = 'tactical', old.minutes, 0), -iif(r.class = 'unclassified', old.minutes, 0), -1
    FROM report_request_class AS r WHERE r.id = old.request_id
    ON CONFLICT (date, user_id) DO UPDATE SET
      strategic_minutes = strategic_minutes + excluded.strategic_minutes, tactical_minutes = tactical_minutes + excluded.tactical_minutes, unclassified_minutes = unclassified_minutes + excluded.unclassified_minutes,
      entries = entries + excluded.entries;
  DELETE FROM time_rollup_day WHERE date = old.date AND entries = 0;
  DELETE FROM time_rollup_week WHERE week = date(old.date, '-6 days', 'weekday 1') AND entries = 0;
  DELETE FROM time_rollup_user_day WHERE date = old.date AND user_id = old.user_id AND entries = 0;
  -- A request's span is read again from its entries (time_entries_request_idx).
  DELETE FROM request_time WHERE request_id = old.request_id;
  INSERT INTO request_time (request_id, department_id, type_id, first_date, last_date, minutes, entries)
    SELECT e.request_id, r.department_id, r.type_id, min(e.date), max(e.date), sum(e.minutes), count(*)
    FROM time_entries AS e JOIN requests AS r ON r.id = e.request_id WHERE e.request_id = old.request_id GROUP BY e.request_id;
  DELETE FROM request_user_time WHERE request_id = old.request_id AND user_id = old.user_id;
  INSERT INTO request_user_time (request_id, user_id, first_date, last_date)
    SELECT request_id, user_id, min(date), max(date) FROM time_entries
    WHERE request_id = old.request_id AND user_id = old.user_id GROUP BY request_id, user_id;
END;
--> statement-breakpoint
CREATE TRIGGER `time_entries_rollup_update` AFTER UPDATE OF request_id, user_id, minutes, date ON `time_entries` BEGIN
  -- Out with the entry as it was, in with the entry as it is.
  INSERT INTO time_rollup_day (date, department_id, type_id, strategic_minutes, tactical_minutes, unclassified_minutes, entries)
    SELECT old.date, r.department_id, r.type_id, -iif(r.class = 'strategic', old.minutes, 0), -iif(r.class = 'tactical', old.minutes, 0), -iif(r.class = 'unclassified', old.minutes, 0), -1
    FROM report_request_class AS r WHERE r.id = old.request_id
    ON CONFLICT (date, department_id, type_id) DO UPDATE SET
      strategic_minutes = strategic_minutes + excluded.strategic_minutes, tactical_minutes = tactical_minutes + excluded.tactical_minutes, unclassified_minutes = unclassified_minutes + excluded.unclassified_minutes,
      entries = entries + excluded.entries;
  -- The week's distinct requests: this entry was its request's only one that week.
  INSERT INTO time_rollup_week (week, department_id, type_id, strategic_minutes, tactical_minutes, unclassified_minutes, entries, requests)
    SELECT date(old.date, '-6 days', 'weekday 1'), r.department_id, r.type_id, -iif(r.class = 'strategic', old.minutes, 0), -iif(r.class = 'tactical', old.minutes, 0), -iif(r.class = 'unclassified', old.minutes, 0), -1,
      -(NOT EXISTS (SELECT 1 FROM time_entries AS e WHERE e.request_id = old.request_id
        AND e.date BETWEEN date(old.date, '-6 days', 'weekday 1') AND date(old.date, '-6 days', 'weekday 1', '+6 days') AND e.id <> old.id))
    FROM report_request_class AS r WHERE r.id = old.request_id
    ON CONFLICT (week, department_id, type_id) DO UPDATE SET
      strategic_minutes = strategic_minutes + excluded.strategic_minutes, tactical_minutes = tactical_minutes + excluded.tactical_minutes, unclassified_minutes = unclassified_minutes + excluded.unclassified_minutes,
      entries = entries + excluded.entries, requests = requests + excluded.requests;
  INSERT INTO time_rollup_user_day (date, user_id, strategic_minutes, tactical_minutes, unclassified_minutes, entries)
    SELECT old.date, old.user_id, -iif(r.class = 'strategic', old.minutes, 0), -iif(r.class = 'tactical', old.minutes, 0), -iif(r.class = 'unclassified', old.minutes, 0), -1
    FROM report_request_class AS r WHERE r.id = old.request_id
    ON CONFLICT (date, user_id) DO UPDATE SET
      strategic_minutes = strategic_minutes + excluded.strategic_minutes, tactical_minutes = tactical_minutes + excluded.tactical_minutes, unclassified_minutes = unclassified_minutes + excluded.unclassified_minutes,
      entries = entries + excluded.entries;
  INSERT INTO time_rollup_day (date, department_id, type_id, strategic_minutes, tactical_minutes, unclassified_minutes, entries)
    SELECT new.date, r.department_id, r.type_id, iif(r.class = 'strategic', new.minutes, 0), iif(r.class = 'tactical', new.minutes, 0), iif(r.class = 'unclassified', new.minutes, 0), 1
    FROM report_request_class AS r WHERE r.id = new.request_id
    ON CONFLICT (date, department_id, type_id) DO UPDATE SET
      strategic_minutes = strategic_minutes + excluded.strategic_minutes, tactical_minutes = tactical_minutes + excluded.tactical_minutes, unclassified_minutes = unclassified_minutes + excluded.unclassified_minutes,
      entries = entries + excluded.entries;
  -- The week's distinct requests: this entry is its request's only one that week.
  INSERT INTO time_rollup_week (week, department_id, type_id, strategic_minutes, tactical_minutes, unclassified_minutes, entries, requests)
    SELECT date(new.date, '-6 days', 'weekday 1'), r.department_id, r.type_id, iif(r.class = 'strategic', new.minutes, 0), iif(r.class = 'tactical', new.minutes, 0), iif(r.class = 'unclassified', new.minutes, 0), 1,
      (NOT EXISTS (SELECT 1 FROM time_entries AS e WHERE e.request_id = new.request_id
        AND e.date BETWEEN date(new.date, '-6 days', 'weekday 1') AND date(new.date, '-6 days', 'weekday 1', '+6 days') AND e.id <> new.id))
    FROM report_request_class AS r WHERE r.id = new.request_id
    ON CONFLICT (week, department_id, type_id) DO UPDATE SET
      strategic_minutes = strategic_minutes + excluded.strategic_minutes, tactical_minutes = tactical_minutes + excluded.tactical_minutes, unclassified_minutes = unclassified_minutes + excluded.unclassified_minutes,
      entries = entries + excluded.entries, requests = requests + excluded.requests;
  INSERT INTO time_rollup_user_day (date, user_id, strategic_minutes, tactical_minutes, unclassified_minutes, entries)
    SELECT new.date, new.user_id, iif(r.class = 'strategic', new.minutes, 0), iif(r.class = 'tactical', new.minutes, 0), iif(r.class = 'unclassified', new.minutes, 0), 1
    FROM report_request_class AS r WHERE r.id = new.request_id
    ON CONFLICT (date, user_id) DO UPDATE SET
      strategic_minutes = strategic_minutes + excluded.strategic_minutes, tactical_minutes = tactical_minutes + excluded.tactical_minutes, unclassified_minutes = unclassified_minutes + excluded.unclassified_minutes,
      entries = entries + excluded.entries;
  DELETE FROM time_rollup_day WHERE date = old.date AND entries = 0;
  DELETE FROM time_rollup_week WHERE week = date(old.date, '-6 days', 'weekday 1') AND entries = 0;
  DELETE FROM time_rollup_user_day WHERE date = old.date AND user_id = old.user_id AND entries = 0;
  -- A request's span is read again from its entries (time_entries_request_idx).
  DELETE FROM request_time WHERE request_id = old.request_id;
  INSERT INTO request_time (request_id, department_id, type_id, first_date, last_date, minutes, entries)
    SELECT e.request_id, r.department_id, r.type_id, min(e.date), max(e.date), sum(e.minutes), count(*)
    FROM time_entries AS e JOIN requests AS r ON r.id = e.request_id WHERE e.request_id = old.request_id GROUP BY e.request_id;
  DELETE FROM request_user_time WHERE request_id = old.request_id AND user_id = old.user_id;
  INSERT INTO request_user_time (request_id, user_id, first_date, last_date)
    SELECT request_id, user_id, min(date), max(date) FROM time_entries
    WHERE request_id = old.request_id AND user_id = old.user_id GROUP BY request_id, user_id;
  -- A request's span is read again from its entries (time_entries_request_idx).
  DELETE FROM request_time WHERE request_id = new.request_id;
  INSERT INTO request_time (request_id, department_id, type_id, first_date, last_date, minutes, entries)
    SELECT e.request_id, r.department_id, r.type_id, min(e.date), max(e.date), sum(e.minutes), count(*)
    FROM time_entries AS e JOIN requests AS r ON r.id = e.request_id WHERE e.request_id = new.request_id GROUP BY e.request_id;
  DELETE FROM request_user_time WHERE request_id = new.request_id AND user_id = new.user_id;
  INSERT INTO request_user_time (request_id, user_id, first_date, last_date)
    SELECT request_id, user_id, min(date), max(date) FROM time_entries
    WHERE request_id = new.request_id AND user_id = new.user_id GROUP BY request_id, user_id;
END;
--> statement-breakpoint
CREATE TRIGGER `requests_rollup_update` AFTER UPDATE OF classification, classification_suggested, department_id, type_id ON `requests`
WHEN old.department_id IS NOT new.department_id OR old.type_id IS NOT new.type_id
  OR (case when old.classification_suggested = 0 and old.classification = 'strategic' then 'strategic' when old.classification_suggested = 0 and old.classification = 'tactical' then 'tactical' else 'unclassified' end) IS NOT (case when new.classification_suggested = 0 and new.classification = 'strategic' then 'strategic' when new.classification_suggested = 0 and new.classification = 'tactical' then 'tactical' else 'unclassified' end)
BEGIN
  -- The request's entries leave their old department, type and class, and join the new ones.
  INSERT INTO time_rollup_day (date, department_id, type_id, strategic_minutes, tactical_minutes, unclassified_minutes, entries)
    SELECT e.date, old.department_id, old.type_id, -iif(k.old_class = 'strategic', sum(e.minutes), 0), -iif(k.old_class = 'tactical', sum(e.minutes), 0), -iif(k.old_class = 'unclassified', sum(e.minutes), 0), -count(*)
    FROM (SELECT (case when old.classification_suggested = 0 and old.classification = 'strategic' then 'strategic' when old.classification_suggested = 0 and old.classification = 'tactical' then 'tactical' else 'unclassified' end) AS old_class,
            (case when new.classification_suggested = 0 and new.classification = 'strategic' then 'strategic' when new.classification_suggested = 0 and new.classification = 'tactical' then 'tactical' else 'unclassified' end) AS new_class) AS k,
         time_entries AS e
    WHERE e.request_id = new.id GROUP BY e.date
    ON CONFLICT (date, department_id, type_id) DO UPDATE SET
      strategic_minutes = strategic_minutes + excluded.strategic_minutes, tactical_minutes = tactical_minutes + excluded.tactical_minutes, unclassified_minutes = unclassified_minutes + excluded.unclassified_minutes,
      entries = entries + excluded.entries;
  INSERT INTO time_rollup_day (date, department_id, type_id, strategic_minutes, tactical_minutes, unclassified_minutes, entries)
    SELECT e.date, new.department_id, new.type_id, iif(k.new_class = 'strategic', sum(e.minutes), 0), iif(k.new_class = 'tactical', sum(e.minutes), 0), iif(k.new_class = 'unclassified', sum(e.minutes), 0), count(*)
    FROM (SELECT (case when old.classification_suggested = 0 and old.classification = 'strategic' then 'strategic' when old.classification_suggested = 0 and old.classification = 'tactical' then 'tactical' else 'unclassified' end) AS old_class,
            (case when new.classification_suggested = 0 and new.classification = 'strategic' then 'strategic' when new.classification_suggested = 0 and new.classification = 'tactical' then 'tactical' else 'unclassified' end) AS new_class) AS k,
         time_entries AS e
    WHERE e.request_id = new.id GROUP BY e.date
    ON CONFLICT (date, department_id, type_id) DO UPDATE SET
      strategic_minutes = strategic_minutes + excluded.strategic_minutes, tactical_minutes = tactical_minutes + excluded.tactical_minutes, unclassified_minutes = unclassified_minutes + excluded.unclassified_minutes,
      entries = entries + excluded.entries;
  DELETE FROM time_rollup_day WHERE department_id = old.department_id AND type_id = old.type_id AND entries = 0
    AND date IN (SELECT date FROM time_entries WHERE request_id = new.id);
  INSERT INTO time_rollup_week (week, department_id, type_id, strategic_minutes, tactical_minutes, unclassified_minutes, entries, requests)
    SELECT date(e.date, '-6 days', 'weekday 1'), old.department_id, old.type_id, -iif(k.old_class = 'strategic', sum(e.minutes), 0), -iif(k.old_class = 'tactical', sum(e.minutes), 0), -iif(k.old_class = 'unclassified', sum(e.minutes), 0), -count(*), -1
    FROM (SELECT (case when old.classification_suggested = 0 and old.classification = 'strategic' then 'strategic' when old.classification_suggested = 0 and old.classification = 'tactical' then 'tactical' else 'unclassified' end) AS old_class,
            (case when new.classification_suggested = 0 and new.classification = 'strategic' then 'strategic' when new.classification_suggested = 0 and new.classification = 'tactical' then 'tactical' else 'unclassified' end) AS new_class) AS k,
         time_entries AS e
    WHERE e.request_id = new.id GROUP BY date(e.date, '-6 days', 'weekday 1')
    ON CONFLICT (week, department_id, type_id) DO UPDATE SET
      strategic_minutes = strategic_minutes + excluded.strategic_minutes, tactical_minutes = tactical_minutes + excluded.tactical_minutes, unclassified_minutes = unclassified_minutes + excluded.unclassified_minutes,
      entries = entries + excluded.entries, requests = requests + excluded.requests;
  INSERT INTO time_rollup_week (week, department_id, type_id, strategic_minutes, tactical_minutes, unclassified_minutes, entries, requests)
    SELECT date(e.date, '-6 days', 'weekday 1'), new.department_id, new.type_id, iif(k.new_class = 'strategic', sum(e.minutes), 0), iif(k.new_class = 'tactical', sum(e.minutes), 0), iif(k.new_class = 'unclassified', sum(e.minutes), 0), count(*), 1
    FROM (SELECT (case when old.classification_suggested = 0 and old.classification = 'strategic' then 'strategic' when old.classification_suggested = 0 and old.classification = 'tactical' then 'tactical' else 'unclassified' end) AS old_class,
            (case when new.classification_suggested = 0 and new.classification = 'strategic' then 'strategic' when new.classification_suggested = 0 and new.classification = 'tactical' then 'tactical' else 'unclassified' end) AS new_class) AS k,
         time_entries AS e
    WHERE e.request_id = new.id GROUP BY date(e.date, '-6 days', 'weekday 1')
    ON CONFLICT (week, department_id, type_id) DO UPDATE SET
      strategic_minutes = strategic_minutes + excluded.strategic_minutes, tactical_minutes = tactical_minutes + excluded.tactical_minutes, unclassified_minutes = unclassified_minutes + excluded.unclassified_minutes,
      entries = entries + excluded.entries, requests = requests + excluded.requests;
  DELETE FROM time_rollup_week WHERE department_id = old.department_id AND type_id = old.type_id AND entries = 0
    AND week IN (SELECT date(date, '-6 days', 'weekday 1') FROM time_entries WHERE request_id = new.id);
  -- Per marketer only the class can change.
  INSERT INTO time_rollup_user_day (date, user_id, strategic_minutes, tactical_minutes, unclassified_minutes, entries)
    SELECT e.date, e.user_id, iif(k.new_class = 'strategic', sum(e.minutes), 0) - iif(k.old_class = 'strategic', sum(e.minutes), 0), iif(k.new_class = 'tactical', sum(e.minutes), 0) - iif(k.old_class = 'tactical', sum(e.minutes), 0), iif(k.new_class = 'unclassified', sum(e.minutes), 0) - iif(k.old_class = 'unclassified', sum(e.minutes), 0), 0
    FROM (SELECT (case when old.classification_suggested = 0 and old.classification = 'strategic' then 'strategic' when old.classification_suggested = 0 and old.classification = 'tactical' then 'tactical' else 'unclassified' end) AS old_class,
            (case when new.classification_suggested = 0 and new.classification = 'strategic' then 'strategic' when new.classification_suggested = 0 and new.classification = 'tactical' then 'tactical' else 'unclassified' end) AS new_class) AS k,
         time_entries AS e
    WHERE e.request_id = new.id AND k.old_class IS NOT k.new_class GROUP BY e.date, e.user_id
    ON CONFLICT (date, user_id) DO UPDATE SET
      strategic_minutes = strategic_minutes + excluded.strategic_minutes, tactical_minutes = tactical_minutes + excluded.tactical_minutes, unclassified_minutes = unclassified_minutes + excluded.unclassified_minutes;
  UPDATE request_time SET department_id = new.department_id, type_id = new.type_id WHERE request_id = new.id;
END;
--> statement-breakpoint
-- Backfill from the time entries already there.
INSERT INTO time_rollup_day (date, department_id, type_id, strategic_minutes, tactical_minutes, unclassified_minutes, entries)
  SELECT e.date, r.department_id, r.type_id, sum(iif(r.class = 'strategic', e.minutes, 0)), sum(iif(r.class = 'tactical', e.minutes, 0)), sum(iif(r.class = 'unclassified', e.minutes, 0)), count(*)
  FROM time_entries AS e JOIN report_request_class AS r ON r.id = e.request_id
  GROUP BY e.date, r.department_id, r.type_id;
--> statement-breakpoint
INSERT INTO time_rollup_week (week, department_id, type_id, strategic_minutes, tactical_minutes, unclassified_minutes, entries, requests)
  SELECT date(e.date, '-6 days', 'weekday 1'), r.department_id, r.type_id, sum(iif(r.class = 'strategic', e.minutes, 0)), sum(iif(r.class = 'tactical', e.minutes, 0)), sum(iif(r.class = 'unclassified', e.minutes, 0)), count(*), count(DISTINCT e.request_id)
  FROM time_entries AS e JOIN report_request_class AS r ON r.id = e.request_id
  GROUP BY 1, r.department_id, r.type_id;
--> statement-breakpoint
INSERT INTO time_rollup_user_day (date, user_id, strategic_minutes, tactical_minutes, unclassified_minutes, entries)
  SELECT e.date, e.user_id, sum(iif(r.class = 'strategic', e.minutes, 0)), sum(iif(r.class = 'tactical', e.minutes, 0)), sum(iif(r.class = 'unclassified', e.minutes, 0)), count(*)
  FROM time_entries AS e JOIN report_request_class AS r ON r.id = e.request_id
  GROUP BY e.date, e.user_id;
--> statement-breakpoint
INSERT INTO request_time (request_id, department_id, type_id, first_date, last_date, minutes, entries)
  SELECT e.request_id, r.department_id, r.type_id, min(e.date), max(e.date), sum(e.minutes), count(*)
  FROM time_entries AS e JOIN requests AS r ON r.id = e.request_id
  GROUP BY e.request_id;
--> statement-breakpoint
INSERT INTO request_user_time (request_id, user_id, first_date, last_date)
  SELECT request_id, user_id, min(date), max(date) FROM time_entries
  GROUP BY request_id, user_id;

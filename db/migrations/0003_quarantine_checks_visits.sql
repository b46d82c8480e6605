-- Quarantine cases, their health checks, screening campaigns and door-to-door visits.

CREATE TABLE quarantine (
  id TEXT PRIMARY KEY NOT NULL,
  resident TEXT NOT NULL REFERENCES resident(id) DEFERRABLE INITIALLY DEFERRED,
  policy TEXT,
  kind TEXT NOT NULL,
  reason TEXT,
  source_place TEXT,
  arrived_on TEXT,
  start_on TEXT NOT NULL,
  planned_end_on TEXT NOT NULL,
  ended_on TEXT,
  status TEXT NOT NULL,
  place TEXT,
  deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX quarantine_resident ON quarantine(resident);
-- Today's figures read only these partial indexes: active cases by end date, arrivals by start date.
CREATE INDEX quarantine_active ON quarantine(planned_end_on, start_on, policy) WHERE status = 'active' AND deleted = 0;
CREATE INDEX quarantine_start ON quarantine(start_on) WHERE deleted = 0;

CREATE TABLE health_check (
  id TEXT PRIMARY KEY NOT NULL,
  quarantine TEXT NOT NULL REFERENCES quarantine(id) DEFERRABLE INITIALLY DEFERRED,
  checked_on TEXT NOT NULL,
  slot TEXT NOT NULL,
  temperature REAL,
  symptoms TEXT,
  test_result TEXT,
  checked_by TEXT REFERENCES worker(id) DEFERRABLE INITIALLY DEFERRED,
  deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX health_check_quarantine ON health_check(quarantine, checked_on, slot);
CREATE INDEX health_check_day ON health_check(checked_on, temperature) WHERE deleted = 0;

CREATE TABLE campaign (
  id TEXT PRIMARY KEY NOT NULL,
  name TEXT NOT NULL,
  scope TEXT NOT NULL,
  start_on TEXT NOT NULL,
  end_on TEXT,
  deleted INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE visit (
  id TEXT PRIMARY KEY NOT NULL,
  household TEXT NOT NULL REFERENCES household(id) DEFERRABLE INITIALLY DEFERRED,
  resident TEXT REFERENCES resident(id) DEFERRABLE INITIALLY DEFERRED,
  campaign TEXT REFERENCES campaign(id) DEFERRABLE INITIALLY DEFERRED,
  visited_on TEXT NOT NULL,
  worker TEXT REFERENCES worker(id) DEFERRABLE INITIALLY DEFERRED,
  outcome TEXT NOT NULL,
  temperature REAL,
  symptoms TEXT,
  health_code TEXT,
  travel TEXT,
  follow_up TEXT,
  notes TEXT,
  deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX visit_household ON visit(household, visited_on);
CREATE INDEX visit_campaign ON visit(campaign, household);
CREATE INDEX visit_day ON visit(visited_on);

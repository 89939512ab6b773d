// Role lists filter by level.
CREATE INDEX role_level IF NOT EXISTS
FOR (r:Role) ON (r.level);


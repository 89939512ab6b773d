// Role lists filter by level.
CREATE INDEX role_level IF NOT EXISTS
FOR (r:Role) ON (r.level);

// Search over role titles and aliases, skill names and technology names.
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
FOR (n:Role|Skill|Technology) ON EACH [n.title, n.aliases, n.name];

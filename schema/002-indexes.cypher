// Role lists filter by level.
CREATE INDEX role_level IF NOT EXISTS
FOR (r:Role) ON (r.level);


// Lookups by id within a label (MATCH (r:Role) WHERE r.id IN $keys): the uniqueness constraint
// indexes :Entity, which a pattern on :Role alone cannot use.
CREATE INDEX role_id IF NOT EXISTS
FOR (n:Role) ON (n.id);
CREATE INDEX skill_id IF NOT EXISTS
FOR (n:Skill) ON (n.id);
CREATE INDEX technology_id IF NOT EXISTS
FOR (n:Technology) ON (n.id);
CREATE INDEX track_id IF NOT EXISTS
FOR (n:Track) ON (n.id);
CREATE INDEX source_id IF NOT EXISTS
FOR (n:Source) ON (n.id);
CREATE INDEX salary_band_id IF NOT EXISTS
FOR (n:SalaryBand) ON (n.id);

// Lists are sorted by title or name, then id. A range index on the sort key lets a page walk the
// index in order and stop after `first` nodes, instead of sorting the whole label.
CREATE INDEX role_title IF NOT EXISTS
FOR (n:Role) ON (n.title);
CREATE INDEX skill_name IF NOT EXISTS
FOR (n:Skill) ON (n.name);
CREATE INDEX technology_name IF NOT EXISTS
FOR (n:Technology) ON (n.name);

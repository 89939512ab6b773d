// One node holds the graph's version: every write that changes the graph bumps it, and every API
// instance compares it with the version of its in-memory path projection to know when to reload.
CREATE CONSTRAINT graph_version_id IF NOT EXISTS
FOR (v:GraphVersion) REQUIRE v.id IS UNIQUE;

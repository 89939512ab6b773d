// API keys live apart from the knowledge graph (no Entity label): a clear or an import of the
// graph never touches them. Only a hash of each key's secret is stored.
CREATE CONSTRAINT api_key_id IF NOT EXISTS
FOR (k:ApiKey) REQUIRE k.id IS UNIQUE;

CREATE CONSTRAINT api_key_name IF NOT EXISTS
FOR (k:ApiKey) REQUIRE k.name IS UNIQUE;

// The audit trail: one (:Change) per mutation, listed newest first by `changes`.
CREATE CONSTRAINT change_id IF NOT EXISTS
FOR (c:Change) REQUIRE c.id IS UNIQUE;

CREATE INDEX change_at IF NOT EXISTS
FOR (c:Change) ON (c.at);

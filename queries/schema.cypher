// Purpose: the constraints and indexes every other query relies on (a script: one DDL statement per
//   `;`-terminated line, each idempotent), then wait until the indexes are online. No text index on
//   name_norm: search scans 100,000 actors in tens of milliseconds, while such an index costs about
//   0.45 KB of transaction memory per actor loaded (a load is one transaction).
// Parameters: none
// Result: nothing
CREATE CONSTRAINT territory_id IF NOT EXISTS FOR (n:Territory) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT sdg_number IF NOT EXISTS FOR (n:SDG) REQUIRE n.number IS UNIQUE;
CREATE CONSTRAINT lever_id IF NOT EXISTS FOR (n:Lever) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT policy_id IF NOT EXISTS FOR (n:Policy) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT alliance_id IF NOT EXISTS FOR (n:Alliance) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT dataset_id IF NOT EXISTS FOR (n:Dataset) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT ecosystem_meta_key IF NOT EXISTS FOR (n:EcosystemMeta) REQUIRE n.key IS UNIQUE;
CREATE INDEX territory_level IF NOT EXISTS FOR (n:Territory) ON (n.level);
CREATE INDEX actor_dataset IF NOT EXISTS FOR (n:Actor) ON (n.dataset);
CREATE INDEX policy_dataset IF NOT EXISTS FOR (n:Policy) ON (n.dataset);
CREATE INDEX alliance_dataset IF NOT EXISTS FOR (n:Alliance) ON (n.dataset);
CALL db.awaitIndexes(300);

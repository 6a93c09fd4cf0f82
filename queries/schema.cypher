// Purpose: the constraints and indexes every other query relies on (a script: one DDL statement per
//   `;`-terminated line, each idempotent), then wait until the indexes are online.
//   Dataset records are versioned (see ecosystem/store/neo4j_versions.py): several nodes may share an
//   actor id (the live version, one being staged, one being cleaned up), so ids are indexed, not
//   unique; the loader checks uniqueness inside a dataset and across the live datasets. The first
//   layout's unique constraints and dataset indexes are dropped. Queries that look a record up by id,
//   or start from a territory, say which index to use and that it is a seek (USING INDEX SEEK): a
//   plan made while the database was empty could otherwise start from the `version` index and read
//   a whole dataset per row, and a plain USING INDEX lets the planner scan the named index instead
//   (it did, for the first batches of a 1M load: 5-11 s each instead of 0.2-1 s; issue 17).
//   Actors are indexed on n_commune (how many communes they are present in): the best overlaps of a
//   national actor are read from the few actors that big (ecosystem/store/neo4j/wide.py). No text index on name_norm: search
//   scans 100,000 actors in tens of milliseconds, and every index slows every load.
// Parameters: none
// Result: nothing
DROP CONSTRAINT actor_id IF EXISTS;
DROP CONSTRAINT policy_id IF EXISTS;
DROP CONSTRAINT alliance_id IF EXISTS;
DROP INDEX actor_dataset IF EXISTS;
DROP INDEX policy_dataset IF EXISTS;
DROP INDEX alliance_dataset IF EXISTS;
CREATE CONSTRAINT territory_id IF NOT EXISTS FOR (n:Territory) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT sdg_number IF NOT EXISTS FOR (n:SDG) REQUIRE n.number IS UNIQUE;
CREATE CONSTRAINT lever_id IF NOT EXISTS FOR (n:Lever) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT dataset_id IF NOT EXISTS FOR (n:Dataset) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT version_token IF NOT EXISTS FOR (n:Version) REQUIRE n.token IS UNIQUE;
CREATE CONSTRAINT ecosystem_meta_key IF NOT EXISTS FOR (n:EcosystemMeta) REQUIRE n.key IS UNIQUE;
CREATE INDEX territory_level IF NOT EXISTS FOR (n:Territory) ON (n.level);
CREATE INDEX actor_by_id IF NOT EXISTS FOR (n:Actor) ON (n.id);
CREATE INDEX actor_by_version IF NOT EXISTS FOR (n:Actor) ON (n.version);
CREATE INDEX actor_by_communes IF NOT EXISTS FOR (n:Actor) ON (n.n_commune);
CREATE INDEX policy_by_id IF NOT EXISTS FOR (n:Policy) ON (n.id);
CREATE INDEX policy_by_version IF NOT EXISTS FOR (n:Policy) ON (n.version);
CREATE INDEX alliance_by_id IF NOT EXISTS FOR (n:Alliance) ON (n.id);
CREATE INDEX alliance_by_version IF NOT EXISTS FOR (n:Alliance) ON (n.version);
CREATE INDEX coverage_by_territory IF NOT EXISTS FOR (n:Coverage) ON (n.territory);
CREATE INDEX coverage_by_version IF NOT EXISTS FOR (n:Coverage) ON (n.version);
CALL db.awaitIndexes(300);

// Purpose: register a new version of a dataset before staging its records (the garbage collector
//   knows every version from these nodes; see ecosystem/store/neo4j_versions.py).
// Parameters: $version (string: a fresh token), $dataset (string: dataset id)
// Result: nothing
CREATE (v:Version {token: $version, dataset: $dataset})
SET v.started_at = datetime(), v.touched = datetime()

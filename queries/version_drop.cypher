// Purpose: delete one batch of the records of a doomed version, with their relationships (actors
//   first, so each batch stays small), then its coverage roll-up; the caller repeats until nothing
//   is left.
// Parameters: $version (string: the version token), $batch (integer: nodes per transaction)
// Result: deleted (integer: nodes), records (integer: the actors, policies and alliances among them)
MATCH (v:Version {token: $version})
WHERE v.doomed
CALL () {
  MATCH (n:Actor {version: $version})
  RETURN n LIMIT $batch
  UNION ALL
  MATCH (n:Policy {version: $version})
  RETURN n LIMIT $batch
  UNION ALL
  MATCH (n:Alliance {version: $version})
  RETURN n LIMIT $batch
  UNION ALL
  MATCH (n:Coverage {version: $version})
  RETURN n LIMIT $batch
}
WITH n, n:Coverage AS rollup LIMIT $batch
DETACH DELETE n
RETURN count(*) AS deleted, sum(CASE WHEN rollup THEN 0 ELSE 1 END) AS records

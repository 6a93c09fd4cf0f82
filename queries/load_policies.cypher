// Purpose: stage one batch of policies of version $version with COVERS and ADDRESSES (CARRIES comes
//   from their carrier actors, staged later by load_actors). Staged records stay invisible to every
//   read until their dataset's `live` points to $version. Its last step locks the Version node
//   (SET) and then reads whether the garbage collector has doomed it: `usable` false (or no row,
//   the version gone) and the caller rolls the batch back; once locked, no doom can pass it before
//   it commits. The lock is taken last, not first, because it is exclusive: taken first, it made
//   the batches of a load wait for each other from their start to their commit (two writers ran
//   one after the other on the server; issue 17, docs/architecture.md "Neo4j staging").
// Parameters: $version (string: the version token), $rows (list of maps: props = the node's
//   properties, covers = territory ids, addresses = SDG numbers)
// Result: usable (boolean; no row when the version is gone; the caller also checks the relationships
//   created)
UNWIND $rows AS row
CREATE (p:Policy)
SET p = row.props, p.version = $version
WITH p, row
CALL (p, row) {
  UNWIND row.covers AS tid
  MATCH (t:Territory {id: tid})
  CREATE (p)-[:COVERS]->(t)
}
CALL (p, row) {
  UNWIND row.addresses AS n
  MATCH (s:SDG {number: n})
  CREATE (p)-[:ADDRESSES]->(s)
}
WITH count(*) AS staged
MATCH (v:Version {token: $version})
SET v.touched = datetime()
RETURN v.doomed IS NULL AS usable

// Purpose: stage one batch of policies of version $version with COVERS and ADDRESSES (CARRIES comes
//   from their carrier actors, staged later by load_actors). Staged records stay invisible to every
//   read until their dataset's `live` points to $version. Creates nothing once the version is
//   doomed by the garbage collector; SET on the Version node locks it against that meanwhile.
// Parameters: $version (string: the version token), $rows (list of maps: props = the node's
//   properties, covers = territory ids, addresses = SDG numbers)
// Result: nothing (the caller checks the relationships created)
MATCH (v:Version {token: $version})
WHERE v.doomed IS NULL
SET v.touched = datetime()
WITH v
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

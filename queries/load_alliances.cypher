// Purpose: stage one batch of alliances of version $version with ANCHORED_IN, TARGETS and
//   ALIGNS_WITH (to the policies of the same version, staged before). See load_policies.
// Parameters: $version (string: the version token), $rows (list of maps: props = the node's
//   properties, anchored_in = territory ids, targets = SDG numbers, aligns_with = policy ids)
// Result: usable (boolean, see load_policies; the caller also checks the relationships created)
UNWIND $rows AS row
CREATE (al:Alliance)
SET al = row.props, al.version = $version
WITH al, row
CALL (al, row) {
  UNWIND row.anchored_in AS tid
  MATCH (t:Territory {id: tid})
  CREATE (al)-[:ANCHORED_IN]->(t)
}
CALL (al, row) {
  UNWIND row.targets AS n
  MATCH (s:SDG {number: n})
  CREATE (al)-[:TARGETS]->(s)
}
CALL (al, row) {
  UNWIND row.aligns_with AS pid
  MATCH (p:Policy {id: pid})
  USING INDEX SEEK p:Policy(id)
  WHERE p.version = $version
  CREATE (al)-[:ALIGNS_WITH]->(p)
}
WITH count(*) AS staged
MATCH (v:Version {token: $version})
SET v.touched = datetime()
RETURN v.doomed IS NULL AS usable

// Purpose: a re-import applied as a difference: write the added and changed alliances into the live
//   version, in place (see difference_policies), with ANCHORED_IN, TARGETS and ALIGNS_WITH (to the
//   live version's policies, written before).
// Parameters: $version (string: the live version token), $rows (list of maps: new = true for an
//   added alliance, props = the node's properties, anchored_in = territory ids, targets = SDG numbers,
//   aligns_with = policy ids)
// Result: nothing (the caller checks the relationships created)
UNWIND $rows AS row
CALL (row) {
  WITH row
  WHERE row.new
  CREATE (al:Alliance)
  RETURN al
  UNION
  WITH row
  WHERE NOT row.new
  MATCH (al:Alliance {id: row.props.id})
  USING INDEX SEEK al:Alliance(id)
  WHERE al.version = $version
  RETURN al
}
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

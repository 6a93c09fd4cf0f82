// Purpose: create one batch of alliances with ANCHORED_IN, TARGETS and ALIGNS_WITH.
// Parameters: $rows (list of maps: props = the node's properties, anchored_in = territory ids,
//   targets = SDG numbers, aligns_with = policy ids)
// Result: nothing
UNWIND $rows AS row
CREATE (al:Alliance)
SET al = row.props
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
  CREATE (al)-[:ALIGNS_WITH]->(p)
}

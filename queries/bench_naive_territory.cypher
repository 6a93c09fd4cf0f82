// Purpose: the NAIVE way to load the territorial hierarchy, for benchmarks/neo4j_bench.py to compare
//   with the store's reference load: one auto-committed query per territory, MERGE-ing the node,
//   then each parent and PART_OF relationship one by one. Written under the label NaiveTerritory so
//   it never mixes with the real hierarchy.
// Parameters: $id (territory id), $props (map of properties), $parents (parent territory ids)
// Result: nothing
MERGE (t:NaiveTerritory {id: $id})
SET t += $props
WITH t
CALL (t) {
  UNWIND $parents AS pid
  MERGE (p:NaiveTerritory {id: pid})
  MERGE (t)-[:PART_OF]->(p)
}

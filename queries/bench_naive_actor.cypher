// Purpose: the NAIVE way to load, for benchmarks/bench_neo4j_store.py to compare with load_actors:
//   one auto-committed query per actor, MERGE-ing the node and its relationships one by one.
// Parameters: $id (actor id), $props (map of properties), $acts_in (territory ids),
//   $contributes (SDG numbers), $offers, $needs (lever ids)
// Result: nothing
MERGE (a:Actor {id: $id})
SET a += $props
WITH a
CALL (a) {
  UNWIND $acts_in AS tid
  MATCH (t:Territory {id: tid})
  MERGE (a)-[:ACTS_IN]->(t)
}
CALL (a) {
  UNWIND $contributes AS n
  MATCH (s:SDG {number: n})
  MERGE (a)-[:CONTRIBUTES_TO]->(s)
}
CALL (a) {
  UNWIND $offers AS lid
  MATCH (l:Lever {id: lid})
  MERGE (a)-[:OFFERS]->(l)
}
CALL (a) {
  UNWIND $needs AS lid
  MATCH (l:Lever {id: lid})
  MERGE (a)-[:NEEDS]->(l)
}

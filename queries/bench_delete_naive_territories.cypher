// Purpose: delete what the naive hierarchy benchmark wrote (benchmarks/neo4j_bench.py).
// Parameters: none
// Result: nothing
MATCH (t:NaiveTerritory)
CALL (t) {
  DETACH DELETE t
} IN TRANSACTIONS OF 5000 ROWS

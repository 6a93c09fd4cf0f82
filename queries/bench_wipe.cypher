// Purpose: second half of emptying the database for a benchmark run (after
//   bench_wipe_relationships): every node, in batches of their own transactions (auto-commit).
//   Used only by benchmarks/bench_neo4j_store.py --wipe: it deletes EVERYTHING.
// Parameters: none
// Result: nothing
MATCH (n)
CALL (n) {
  DETACH DELETE n
} IN TRANSACTIONS OF 5000 ROWS

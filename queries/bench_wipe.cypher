// Purpose: empty the database for a benchmark run, in batches of their own transactions (auto-commit).
//   Used only by benchmarks/bench_neo4j_store.py --wipe: it deletes EVERYTHING.
// Parameters: none
// Result: nothing
MATCH (n)
CALL (n) {
  DETACH DELETE n
} IN TRANSACTIONS OF 5000 ROWS

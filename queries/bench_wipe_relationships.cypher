// Purpose: first half of emptying the database for a benchmark run: every relationship, in batches
//   of their own transactions (auto-commit). Done before the nodes so that no batch has to detach a
//   node of high degree (an SDG, Paris) with all its relationships at once, which overflows the
//   server's transaction memory. Used only by the benchmarks: it deletes EVERYTHING.
// Parameters: none
// Result: nothing
MATCH ()-[r]->()
CALL (r) {
  DELETE r
} IN TRANSACTIONS OF 10000 ROWS

// Purpose: delete the actors written by the naive-load benchmark (their ids start with $prefix).
// Parameters: $prefix (string)
// Result: nothing
MATCH (a:Actor)
WHERE a.id STARTS WITH $prefix
CALL (a) {
  DETACH DELETE a
} IN TRANSACTIONS OF 5000 ROWS

// Purpose: drop the hierarchy edges (PART_OF, WITHIN) before writing another version of the map,
//   in batches of their own transactions (run in an auto-commit transaction).
// Parameters: none
// Result: nothing
MATCH (:Territory)-[r:PART_OF|WITHIN]->(:Territory)
CALL (r) {
  DELETE r
} IN TRANSACTIONS OF 10000 ROWS

// Purpose: forget the cached query plans after a load or a removal: a plan made when the data had
//   another shape (a handful of actors, or none in a territory) can walk millions of paths once the
//   data has grown; Neo4j replans only after its own interval, so the first questions after a load
//   would run on the old plans.
// Parameters: none
// Result: value (the number of plans forgotten)
CALL db.clearQueryCaches() YIELD value
RETURN value

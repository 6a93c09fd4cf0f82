// Purpose: one batch of WITHIN edges: finer territory -> each coarser territory sharing a commune with
//   it (Hierarchy.within). Two territories share a commune iff they are equal or WITHIN-adjacent,
//   which is how every presence query walks the map.
// Parameters: $rows (list of maps: a = finer territory id, b = coarser territory id)
// Result: nothing
UNWIND $rows AS row
MATCH (a:Territory {id: row.a})
MATCH (b:Territory {id: row.b})
MERGE (a)-[:WITHIN]->(b)

// Purpose: one batch of direct hierarchy edges, territory -> its parent (commune -> EPCI, ...).
// Parameters: $rows (list of maps: a = child territory id, b = parent territory id)
// Result: nothing
UNWIND $rows AS row
MATCH (a:Territory {id: row.a})
MATCH (b:Territory {id: row.b})
MERGE (a)-[:PART_OF]->(b)

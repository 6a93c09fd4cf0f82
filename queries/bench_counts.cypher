// Purpose: how many nodes and relationships the database holds (benchmark bookkeeping).
// Parameters: none
// Result: nodes, relationships (integers)
RETURN COUNT { MATCH (n) } AS nodes, COUNT { MATCH ()-[r]->() } AS relationships

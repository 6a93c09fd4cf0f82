// Purpose: a re-import applied as a difference: the CARRIES of the added and changed policies, from
//   their carriers in the live version (written before).
// Parameters: $version (string: the live version token), $rows (list of maps: policy = policy id,
//   carriers = actor ids, each once)
// Result: nothing (the caller checks the relationships created)
UNWIND $rows AS row
MATCH (p:Policy {id: row.policy})
USING INDEX SEEK p:Policy(id)
WHERE p.version = $version
UNWIND row.carriers AS aid
MATCH (a:Actor {id: aid})
USING INDEX SEEK a:Actor(id)
WHERE a.version = $version
CREATE (a)-[:CARRIES]->(p)

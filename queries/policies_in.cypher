// Purpose: live policies covering a territory sharing a commune with one of $territories.
// Parameters: $territories (list of territory ids)
// Result: id
CALL () { MATCH (d:Dataset) RETURN collect(d.live) AS live }
UNWIND $territories AS tid
MATCH (s:Territory {id: tid})-[:WITHIN*0..1]-(:Territory)<-[:COVERS]-(p:Policy)
USING INDEX SEEK s:Territory(id)
WHERE p.version IN live
RETURN DISTINCT p.id AS id

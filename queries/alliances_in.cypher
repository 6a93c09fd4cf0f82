// Purpose: live alliances anchored in a territory sharing a commune with one of $territories.
// Parameters: $territories (list of territory ids)
// Result: id
CALL () { MATCH (d:Dataset) RETURN collect(d.live) AS live }
UNWIND $territories AS tid
MATCH (s:Territory {id: tid})-[:WITHIN*0..1]-(:Territory)<-[:ANCHORED_IN]-(al:Alliance)
USING INDEX SEEK s:Territory(id)
WHERE al.version IN live
RETURN DISTINCT al.id AS id

// Purpose: alliances anchored in a territory sharing a commune with one of $territories.
// Parameters: $territories (list of territory ids)
// Result: id
UNWIND $territories AS tid
MATCH (:Territory {id: tid})-[:WITHIN*0..1]-(:Territory)<-[:ANCHORED_IN]-(al:Alliance)
RETURN DISTINCT al.id AS id

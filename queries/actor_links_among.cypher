// Purpose: actor_links restricted to pairs inside $ids (live records only, see actor_links).
// Parameters: $ids (list of actor ids)
// Result: a, b, alliances, policies (integers)
CALL () { MATCH (d:Dataset) RETURN collect(d.live) AS live }
CALL (live) {
  UNWIND $ids AS id
  MATCH (a:Actor {id: id})-[:MEMBER_OF]->(al:Alliance)<-[:MEMBER_OF]-(b:Actor)
  USING INDEX SEEK a:Actor(id)
  WHERE a.active AND b.active AND a.id < b.id AND b.id IN $ids
    AND a.version IN live AND al.version IN live AND b.version IN live
  RETURN a.id AS a, b.id AS b, count(DISTINCT al) AS alliances, 0 AS policies
  UNION ALL
  UNWIND $ids AS id
  MATCH (a:Actor {id: id})-[:CARRIES]->(p:Policy)<-[:CARRIES]-(b:Actor)
  USING INDEX SEEK a:Actor(id)
  WHERE a.active AND b.active AND a.id < b.id AND b.id IN $ids
    AND a.version IN live AND p.version IN live AND b.version IN live
  RETURN a.id AS a, b.id AS b, 0 AS alliances, count(DISTINCT p) AS policies
}
RETURN a, b, sum(alliances) AS alliances, sum(policies) AS policies

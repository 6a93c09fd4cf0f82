// Purpose: pairs of active actors linked by common alliances (MEMBER_OF) or policies they carry
//   together (CARRIES), with how many of each. Each pair comes once, a.id < b.id in Neo4j's order.
//   Only live records count: `live` holds the live version of every dataset (neo4j_versions.py).
// Parameters: none
// Result: a, b, alliances, policies (integers)
CALL () { MATCH (d:Dataset) RETURN collect(d.live) AS live }
CALL (live) {
  MATCH (a:Actor)-[:MEMBER_OF]->(al:Alliance)<-[:MEMBER_OF]-(b:Actor)
  WHERE a.active AND b.active AND a.id < b.id
    AND al.version IN live AND a.version IN live AND b.version IN live
  RETURN a.id AS a, b.id AS b, count(DISTINCT al) AS alliances, 0 AS policies
  UNION ALL
  MATCH (a:Actor)-[:CARRIES]->(p:Policy)<-[:CARRIES]-(b:Actor)
  WHERE a.active AND b.active AND a.id < b.id
    AND p.version IN live AND a.version IN live AND b.version IN live
  RETURN a.id AS a, b.id AS b, 0 AS alliances, count(DISTINCT p) AS policies
}
RETURN a, b, sum(alliances) AS alliances, sum(policies) AS policies

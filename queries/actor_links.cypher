// Purpose: pairs of active actors linked by common alliances (MEMBER_OF) or policies they carry
//   together (CARRIES), with how many of each. Each pair comes once, a.id < b.id in Neo4j's order.
// Parameters: none
// Result: a, b, alliances, policies (integers)
CALL () {
  MATCH (a:Actor)-[:MEMBER_OF]->(al:Alliance)<-[:MEMBER_OF]-(b:Actor)
  WHERE a.active AND b.active AND a.id < b.id
  RETURN a.id AS a, b.id AS b, count(DISTINCT al) AS alliances, 0 AS policies
  UNION ALL
  MATCH (a:Actor)-[:CARRIES]->(p:Policy)<-[:CARRIES]-(b:Actor)
  WHERE a.active AND b.active AND a.id < b.id
  RETURN a.id AS a, b.id AS b, 0 AS alliances, count(DISTINCT p) AS policies
}
RETURN a, b, sum(alliances) AS alliances, sum(policies) AS policies

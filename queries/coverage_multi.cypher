// Purpose: coverage counts of the records with SEVERAL territories (see coverage_single): each is
//   counted once in x, whichever of its territories bring it there.
// Parameters: $territory (territory id), $level (string: a Level value)
// Result: territory, sdg, actors, alliances, policies (integers)
CALL () { MATCH (d:Dataset) RETURN collect(d.live) AS live }
MATCH (:Territory {id: $territory})-[:WITHIN*0..1]-(x:Territory)
WHERE x.level = $level
WITH DISTINCT live, x
MATCH (x)-[:WITHIN*0..1]-(t:Territory)
WITH live, t, collect(x) AS xs
CALL (live, t) {
  MATCH (t)<-[:ACTS_IN]-(n:Actor)
  WHERE n.version IN live AND n.active AND COUNT { (n)-[:ACTS_IN]->() } > 1
  RETURN n, 0 AS kind, n.all_sdgs AS sdgs
  UNION ALL
  MATCH (t)<-[:ANCHORED_IN]-(n:Alliance)
  WHERE n.version IN live AND COUNT { (n)-[:ANCHORED_IN]->() } > 1
  RETURN n, 1 AS kind, n.sdgs AS sdgs
  UNION ALL
  MATCH (t)<-[:COVERS]-(n:Policy)
  WHERE n.version IN live AND COUNT { (n)-[:COVERS]->() } > 1
  RETURN n, 2 AS kind, n.sdgs AS sdgs
}
UNWIND xs AS x
WITH DISTINCT x, n, kind, sdgs
UNWIND sdgs AS sdg
WITH x.id AS territory, sdg, kind
RETURN territory, sdg,
       sum(CASE kind WHEN 0 THEN 1 ELSE 0 END) AS actors,
       sum(CASE kind WHEN 1 THEN 1 ELSE 0 END) AS alliances,
       sum(CASE kind WHEN 2 THEN 1 ELSE 0 END) AS policies

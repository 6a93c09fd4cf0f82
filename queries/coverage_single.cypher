// Purpose: coverage counts of the records (active actors, alliances, policies) that act in, are
//   anchored in or cover ONE territory, for each level-L territory x of project($territory, L) and
//   each SDG: counted once per (territory t, kind, SDG), then spread over the x that t shares a
//   commune with, so a national actor costs one row per x, not one per (x, actor).
//   coverage_multi adds the records with several territories; the caller sums the two.
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
  WHERE n.version IN live AND n.active AND COUNT { (n)-[:ACTS_IN]->() } = 1
  UNWIND n.all_sdgs AS sdg
  RETURN 0 AS kind, sdg
  UNION ALL
  MATCH (t)<-[:ANCHORED_IN]-(n:Alliance)
  WHERE n.version IN live AND COUNT { (n)-[:ANCHORED_IN]->() } = 1
  UNWIND n.sdgs AS sdg
  RETURN 1 AS kind, sdg
  UNION ALL
  MATCH (t)<-[:COVERS]-(n:Policy)
  WHERE n.version IN live AND COUNT { (n)-[:COVERS]->() } = 1
  UNWIND n.sdgs AS sdg
  RETURN 2 AS kind, sdg
}
WITH xs, kind, sdg, count(*) AS records
UNWIND xs AS x
WITH x.id AS territory, sdg, kind, records
RETURN territory, sdg,
       sum(CASE kind WHEN 0 THEN records ELSE 0 END) AS actors,
       sum(CASE kind WHEN 1 THEN records ELSE 0 END) AS alliances,
       sum(CASE kind WHEN 2 THEN records ELSE 0 END) AS policies

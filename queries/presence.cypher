// Purpose: P_L of each live actor: the level-L territories sharing a commune with one of its
//   territories (a territory t and a level-L territory x share a commune iff x = t or they are
//   WITHIN-adjacent).
// Parameters: $ids (list of actor ids; unknown ones give no row), $level (string: a Level value)
// Result: id, territories (list of level-L territory ids)
CALL () { MATCH (d:Dataset) RETURN collect(d.live) AS live }
UNWIND $ids AS id
MATCH (a:Actor {id: id})
USING INDEX SEEK a:Actor(id)
WHERE a.version IN live
CALL (a) {
  MATCH (a)-[:ACTS_IN]->(:Territory)-[:WITHIN*0..1]-(x:Territory)
  WHERE x.level = $level
  RETURN collect(DISTINCT x.id) AS territories
}
RETURN a.id AS id, territories

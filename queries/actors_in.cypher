// Purpose: active live actors with a territory sharing a commune with one of $territories, optionally
//   of some kinds and working on at least one of some SDGs.
// Parameters: $territories (list of territory ids), $kinds (list of ActorKind values, or null),
//   $sdgs (list of SDG numbers, or null)
//   One record holding lists: the driver decodes a record per message, about ten times slower than
//   the items of a list (a map at 1M actors reads tens of thousands).
// Result: one record: ids (list of actor ids)
CALL () { MATCH (d:Dataset) RETURN collect(d.live) AS live }
UNWIND $territories AS tid
MATCH (s:Territory {id: tid})-[:WITHIN*0..1]-(:Territory)<-[:ACTS_IN]-(a:Actor)
USING INDEX SEEK s:Territory(id)
WHERE a.version IN live AND a.active
  AND ($kinds IS NULL OR a.kind IN $kinds)
  AND ($sdgs IS NULL OR any(n IN a.all_sdgs WHERE n IN $sdgs))
WITH DISTINCT a.id AS id
RETURN collect(id) AS ids

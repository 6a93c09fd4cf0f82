// Purpose: the outlines (ActorOutline: id, name, kind, territories, all SDGs) of the actors
//   actors_in.cypher finds: active live actors with a territory sharing a commune with one of
//   $territories, optionally of some kinds and working on at least one of some SDGs. One walk from
//   the territories instead of actors_in then actor_outlines: at 1M actors the 16,661 seeks by id
//   of a map's actors cost the server about three times the walk that found them.
// Parameters: $territories (list of territory ids), $kinds (list of ActorKind values, or null),
//   $sdgs (list of SDG numbers, or null)
// Result: one record of parallel lists: ids, names, kinds, territories (list of lists of territory
//   ids), sdgs (list of lists of SDG numbers)
CALL () { MATCH (d:Dataset) RETURN collect(d.live) AS live }
UNWIND $territories AS tid
MATCH (s:Territory {id: tid})-[:WITHIN*0..1]-(:Territory)<-[:ACTS_IN]-(a:Actor)
USING INDEX SEEK s:Territory(id)
WHERE a.version IN live AND a.active
  AND ($kinds IS NULL OR a.kind IN $kinds)
  AND ($sdgs IS NULL OR any(n IN a.all_sdgs WHERE n IN $sdgs))
WITH DISTINCT a
RETURN collect(a.id) AS ids, collect(a.name) AS names, collect(a.kind) AS kinds,
       collect(a.territories) AS territories, collect(coalesce(a.all_sdgs, [])) AS sdgs

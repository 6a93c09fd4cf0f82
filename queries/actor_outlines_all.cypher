// Purpose: the outlines (ActorOutline: id, name, kind, territories, all SDGs) of every active actor
//   of the live datasets, optionally of some kinds and working on at least one of some SDGs: what
//   actors_all.cypher finds, for a grouped map of the whole country.
// Parameters: $kinds (list of ActorKind values, or null), $sdgs (list of SDG numbers, or null)
// Result: one record of parallel lists: ids, names, kinds, territories (list of lists of territory
//   ids), sdgs (list of lists of SDG numbers)
CALL () { MATCH (d:Dataset) RETURN collect(d.live) AS live }
MATCH (a:Actor)
WHERE a.version IN live AND a.active
  AND ($kinds IS NULL OR a.kind IN $kinds)
  AND ($sdgs IS NULL OR any(n IN a.all_sdgs WHERE n IN $sdgs))
RETURN collect(a.id) AS ids, collect(a.name) AS names, collect(a.kind) AS kinds,
       collect(a.territories) AS territories, collect(coalesce(a.all_sdgs, [])) AS sdgs

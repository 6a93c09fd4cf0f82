// Purpose: live actors by id, only the fields a grouped map and a list of duplicate groups draw from
//   (ActorOutline: name, kind, territories, all SDGs), not the ~25 properties of the whole record:
//   at 1M actors a grouped map reads 16,000 actors, a département's duplicate groups 10,000.
//   One record of parallel lists (a record per actor costs the driver ten times more).
// Parameters: $ids (list of actor ids; may be empty; unknown ids give nothing)
// Result: one record: ids, names, kinds (lists of strings), territories (list of lists of territory
//   ids), sdgs (list of lists of SDG numbers, the precomputed all_sdgs)
CALL () { MATCH (d:Dataset) RETURN collect(d.live) AS live }
UNWIND $ids AS id
MATCH (a:Actor {id: id})
USING INDEX SEEK a:Actor(id)
WHERE a.version IN live
RETURN collect(a.id) AS ids, collect(a.name) AS names, collect(a.kind) AS kinds,
       collect(a.territories) AS territories, collect(coalesce(a.all_sdgs, [])) AS sdgs

// Purpose: the active live actors present in at least $min_communes communes and working on one of
//   $sdgs: the only ones that can be among the best overlaps of a wide subject (the bound is
//   explained in ecosystem/store/neo4j/wide.py), found on the n_commune index; the store computes
//   their exact counts. One record of parallel lists (a record per actor costs the driver ten times
//   more).
// Parameters: $min_communes (integer), $sdgs (list of SDG numbers)
// Result: one record: ids, territories (list of lists of territory ids), sdgs (list of lists of SDG
//   numbers)
CALL () { MATCH (d:Dataset) RETURN collect(d.live) AS live }
MATCH (b:Actor)
USING INDEX SEEK b:Actor(n_commune)
WHERE b.n_commune >= $min_communes AND b.version IN live AND b.active
  AND any(n IN b.all_sdgs WHERE n IN $sdgs)
RETURN collect(b.id) AS ids, collect(b.territories) AS territories, collect(b.all_sdgs) AS sdgs

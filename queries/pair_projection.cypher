// Purpose: the active live actors present in $territory (a territory of theirs shares a commune with
//   it), with what the pairing of overlap_pairs needs and nothing more: the store groups and pairs
//   them in Python (ecosystem/store/neo4j/pairing.py), as the embedded store does with its matrices.
// Parameters: $territory (territory id)
//   One record of parallel lists (a record per actor costs the driver ten times more).
// Result: one record: ids, kinds, territories (list of lists of territory ids), sdgs (list of lists of
//   SDG numbers), names (the duplicate groups name their members from these: `ActorOutline`)
CALL () { MATCH (d:Dataset) RETURN collect(d.live) AS live }
MATCH (s:Territory {id: $territory})-[:WITHIN*0..1]-(:Territory)<-[:ACTS_IN]-(a:Actor)
USING INDEX SEEK s:Territory(id)
WHERE a.version IN live AND a.active
WITH DISTINCT a
RETURN collect(a.id) AS ids, collect(a.kind) AS kinds, collect(a.territories) AS territories,
       collect(coalesce(a.all_sdgs, [])) AS sdgs, collect(a.name) AS names

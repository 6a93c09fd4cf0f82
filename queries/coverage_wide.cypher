// Purpose: the wide footprints' roll-up nodes of the live versions (ecosystem/store/neo4j/rollup.py):
//   the counts of the records acting in many communes (a national actor), spread in Python over
//   the territories asked (rollup.spread) and added to what coverage_rollup read.
// Parameters: $wide (string: the `territory` of those nodes, rollup.WIDE)
// Result: footprint (list of territory ids), sdgs, actors, alliances, policies (the node's lists)
CALL () { MATCH (d:Dataset) RETURN collect(d.live) AS live }
MATCH (c:Coverage {territory: $wide})
USING INDEX SEEK c:Coverage(territory)
WHERE c.version IN live
RETURN c.footprint AS footprint, c.sdgs AS sdgs, c.actors AS actors, c.alliances AS alliances,
       c.policies AS policies

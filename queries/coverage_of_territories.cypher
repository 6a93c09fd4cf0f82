// Purpose: a change applied in place (an edit, ecosystem/store/neo4j/patching.py, or a re-import as a
//   difference, difference.py) adjusts the coverage roll-up of its live version (rollup.adjust):
//   read the Coverage nodes of the territories its records are present in, and the wide footprints'
//   nodes when $territories holds "*" (rollup.WIDE).
// Parameters: $version (string: the live version token), $territories (list of territory ids)
// Result: territory, footprint (list of territory ids, null but for a wide node), sdgs, actors,
//   alliances, policies (the node's lists)
UNWIND $territories AS territory
MATCH (c:Coverage {territory: territory})
USING INDEX SEEK c:Coverage(territory)
WHERE c.version = $version
RETURN c.territory AS territory, c.footprint AS footprint, c.sdgs AS sdgs, c.actors AS actors,
       c.alliances AS alliances, c.policies AS policies

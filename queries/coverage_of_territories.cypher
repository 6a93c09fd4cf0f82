// Purpose: an edit applied in place (ecosystem/store/neo4j/patching.py) adjusts the coverage roll-up
//   of its live version: read the Coverage nodes of the territories its records are present in.
// Parameters: $version (string: the live version token), $territories (list of territory ids)
// Result: territory, sdgs, actors, alliances, policies (the node's lists)
UNWIND $territories AS territory
MATCH (c:Coverage {territory: territory})
USING INDEX c:Coverage(territory)
WHERE c.version = $version
RETURN c.territory AS territory, c.sdgs AS sdgs, c.actors AS actors, c.alliances AS alliances,
       c.policies AS policies

// Purpose: a change applied in place (rollup.adjust) replaces the Coverage nodes of a few
//   territories of its live version (read by coverage_of_territories, counted again in Python, written by load_coverage).
// Parameters: $version (string: the live version token), $territories (list of territory ids)
// Result: nothing
UNWIND $territories AS territory
MATCH (c:Coverage {territory: territory})
USING INDEX SEEK c:Coverage(territory)
WHERE c.version = $version
DETACH DELETE c

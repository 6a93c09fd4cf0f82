// Purpose: a re-import applied as a difference edits its live version in place: remove that
//   version's coverage roll-up (ecosystem/store/neo4j/rollup.py) before it is counted again from the
//   new records, in the same transaction.
// Parameters: $version (string: the live version's token)
// Result: nothing
MATCH (c:Coverage {version: $version})
DETACH DELETE c

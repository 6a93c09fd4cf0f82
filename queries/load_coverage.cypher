// Purpose: stage one batch of the coverage roll-up of version $version (ecosystem/store/neo4j/rollup.py):
//   per territory, the SDGs present there and how many active actors, alliances and policies of
//   the version work on each. Invisible until the switch, like the records. See load_policies.
// Parameters: $version (string: the version token), $rows (list of maps: territory (id), sdgs (SDG
//   numbers), actors, alliances, policies (counts, one per SDG of sdgs))
// Result: usable (boolean, see load_policies; the caller also checks the nodes created)
UNWIND $rows AS row
CREATE (c:Coverage)
SET c = row, c.version = $version
WITH count(*) AS staged
MATCH (v:Version {token: $version})
SET v.touched = datetime()
RETURN v.doomed IS NULL AS usable

// Purpose: the id and digest of every record of a dataset's live version, kind by kind: what a
//   re-import compares the new version's records with (ecosystem/datasets/difference.py) without
//   reading the records themselves. Two lists per kind rather than one row per record: 100,000 rows
//   cost the driver far more than two lists of 100,000 strings.
// Parameters: $version (string: the dataset's live version token)
// Result: kind ("actors", "policies" or "alliances"), ids (list of strings), digests (list of
//   strings in the same order; "" for a record written before records kept their digest)
CALL () {
  MATCH (n:Actor {version: $version})
  RETURN 'actors' AS kind, collect(n.id) AS ids, collect(coalesce(n.digest, '')) AS digests
  UNION ALL
  MATCH (n:Policy {version: $version})
  RETURN 'policies' AS kind, collect(n.id) AS ids, collect(coalesce(n.digest, '')) AS digests
  UNION ALL
  MATCH (n:Alliance {version: $version})
  RETURN 'alliances' AS kind, collect(n.id) AS ids, collect(coalesce(n.digest, '')) AS digests
}
RETURN kind, ids, digests

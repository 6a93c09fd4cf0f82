// Purpose: every actor, policy and alliance of a dataset's live version, as node properties.
// Parameters: $dataset (string: dataset id)
// Result: kind ("actor", "policy" or "alliance"), props (map of the node's properties)
MATCH (d:Dataset {id: $dataset})
CALL (d) {
  MATCH (n:Actor {version: d.live})
  RETURN 'actor' AS kind, properties(n) AS props
  UNION ALL
  MATCH (n:Policy {version: d.live})
  RETURN 'policy' AS kind, properties(n) AS props
  UNION ALL
  MATCH (n:Alliance {version: d.live})
  RETURN 'alliance' AS kind, properties(n) AS props
}
RETURN kind, props

// Purpose: every actor, policy and alliance of a dataset, as node properties.
// Parameters: $dataset (string: dataset id)
// Result: kind ("actor", "policy" or "alliance"), props (map of the node's properties)
CALL () {
  MATCH (n:Actor {dataset: $dataset})
  RETURN 'actor' AS kind, properties(n) AS props
  UNION ALL
  MATCH (n:Policy {dataset: $dataset})
  RETURN 'policy' AS kind, properties(n) AS props
  UNION ALL
  MATCH (n:Alliance {dataset: $dataset})
  RETURN 'alliance' AS kind, properties(n) AS props
}
RETURN kind, props

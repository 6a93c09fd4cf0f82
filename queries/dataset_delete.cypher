// Purpose: remove a dataset: delete its own node, which makes its live version garbage at once
//   (invisible to every query; its nodes are then deleted in batches, see neo4j_versions.py).
// Parameters: $dataset (string: dataset id)
// Result: deleted (integer: 1, or 0 when there was no such dataset)
OPTIONAL MATCH (d:Dataset {id: $dataset})
DETACH DELETE d
RETURN count(d) AS deleted

// Purpose: delete a dataset's own node, once its records are gone.
// Parameters: $dataset (string: dataset id)
// Result: deleted (integer: 1, or 0 when there was no such dataset)
OPTIONAL MATCH (d:Dataset {id: $dataset})
DETACH DELETE d
RETURN count(d) AS deleted

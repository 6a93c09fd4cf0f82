// Purpose: a dataset's own node (its metadata), to rebuild the dataset as loaded.
// Parameters: $dataset (string: dataset id)
// Result: id, name, source, description (no row when there is no such dataset)
MATCH (d:Dataset {id: $dataset})
RETURN d.id AS id, d.name AS name, d.source AS source, d.description AS description

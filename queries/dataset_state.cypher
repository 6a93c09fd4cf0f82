// Purpose: what the store holds of a dataset before a load: its checksum (null when absent).
// Parameters: $dataset (string: dataset id)
// Result: checksum (string or null)
OPTIONAL MATCH (d:Dataset {id: $dataset})
RETURN d.checksum AS checksum

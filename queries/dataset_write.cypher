// Purpose: create or update a dataset's own node (metadata and checksum of the loaded content).
// Parameters: $id, $name, $source, $description, $loaded_at (ISO 8601), $checksum (strings)
// Result: nothing
MERGE (d:Dataset {id: $id})
SET d.name = $name, d.source = $source, d.description = $description, d.loaded_at = $loaded_at,
    d.checksum = $checksum

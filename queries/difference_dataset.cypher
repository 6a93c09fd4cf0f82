// Purpose: a re-import applied as a difference: the dataset keeps its live version and records the
//   new version's metadata and checksum (what switch_dataset does for a whole version).
// Parameters: $id, $name, $source, $description, $loaded_at (ISO 8601), $checksum (strings)
// Result: nothing
MATCH (d:Dataset {id: $id})
SET d.name = $name, d.source = $source, d.description = $description, d.loaded_at = $loaded_at,
    d.checksum = $checksum

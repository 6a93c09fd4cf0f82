// Purpose: the switch itself: the dataset's node points to its new version (visible at commit, the
//   old one invisible at once) and records its metadata and checksum.
// Parameters: $id, $name, $source, $description, $loaded_at (ISO 8601), $checksum, $version (strings)
// Result: nothing
MERGE (d:Dataset {id: $id})
SET d.name = $name, d.source = $source, d.description = $description, d.loaded_at = $loaded_at,
    d.checksum = $checksum, d.live = $version

// Purpose: stamp the reference data as loaded, last step of a complete reference load.
// Parameters: $version (string), $loaded_at (ISO 8601 string)
// Result: nothing
MERGE (m:EcosystemMeta {key: 'reference'})
SET m.version = $version, m.loaded_at = $loaded_at

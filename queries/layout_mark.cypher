// Purpose: stamp the layout of the dataset records, once every record is versioned.
// Parameters: $version (integer)
// Result: nothing
MERGE (m:EcosystemMeta {key: 'layout'})
SET m.version = $version

// Purpose: the version stamp of the reference data already loaded (null on an empty database).
// Parameters: none
// Result: version (string or null)
OPTIONAL MATCH (m:EcosystemMeta {key: 'reference'})
RETURN m.version AS version

// Purpose: the layout of the dataset records already in the database: null for the first layout
//   (unversioned records), 2 for versioned ones.
// Parameters: none
// Result: version (integer or null)
OPTIONAL MATCH (m:EcosystemMeta {key: 'layout'})
RETURN m.version AS version

// Purpose: the data's revision token (Store.revision): the datasets' meta node's epoch, live-set
//   generation and write count, all maintained by datasets_lock. Zeros before the first write.
// Parameters: none
// Result: epoch (string), generation (integer), revision (integer)
OPTIONAL MATCH (m:EcosystemMeta {key: 'datasets'})
RETURN coalesce(m.epoch, 'new') AS epoch, coalesce(m.generation, 0) AS generation,
       coalesce(m.revision, 0) AS revision

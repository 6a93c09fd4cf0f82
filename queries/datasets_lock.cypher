// Purpose: serialise the writes that change which versions are live (switches, removals) and the
//   app's assessments: every such transaction starts here and holds this node's lock until it ends.
//   $bump adds one to the generation, so a load can tell whether the live set changed under it.
//   Every caller writes data, so the revision (Store.revision, the app's cache key) goes up each time.
// Parameters: $bump (integer: 1 for a switch or removal, 0 to only take the lock)
// Result: generation (integer: the value before this transaction)
MERGE (m:EcosystemMeta {key: 'datasets'})
SET m.generation = coalesce(m.generation, 0) + $bump,
    m.revision = coalesce(m.revision, 0) + 1,
    m.epoch = coalesce(m.epoch, randomUUID())
RETURN m.generation - $bump AS generation

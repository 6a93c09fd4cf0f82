// Purpose: live actors by id, as node properties (unknown ids give none), with the data's revision
//   token read first (Store.revision's three parts): the store keeps the actors it has read for as
//   long as the token stays the same (ecosystem/store/neo4j/record_cache.py), and asks only for the
//   others. The token is read before the actors, so what comes back is never older than it.
//   One record holding lists (the driver decodes a record per message).
// Parameters: $ids (list of actor ids; may be empty)
// Result: one record: epoch (string), generation (integer), revision (integer), props (list of maps
//   of the nodes' properties)
OPTIONAL MATCH (m:EcosystemMeta {key: 'datasets'})
WITH coalesce(m.epoch, 'new') AS epoch, coalesce(m.generation, 0) AS generation,
     coalesce(m.revision, 0) AS revision
CALL () { MATCH (d:Dataset) RETURN collect(d.live) AS live }
CALL (live) {
  UNWIND $ids AS id
  MATCH (a:Actor {id: id})
  USING INDEX SEEK a:Actor(id)
  WHERE a.version IN live
  RETURN collect(properties(a)) AS props
}
RETURN epoch, generation, revision, props

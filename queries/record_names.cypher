// Purpose: id, name and detail (an actor's kind, a policy's kind, an alliance's status) of a live
//   dataset's records of one kind: the Modifier page's pickers list them without reading the whole
//   dataset (at 100,000 actors, `dataset` reads every record and every link). One record of lists.
// Parameters: $dataset (dataset id), $kind ("actors", "policies" or "alliances")
// Result: one record: found (boolean: the dataset is loaded), ids, names, details (parallel lists,
//   in no particular order)
OPTIONAL MATCH (d:Dataset {id: $dataset})
WITH d.live AS live, d IS NOT NULL AS found
OPTIONAL CALL (live) {
  MATCH (n:Actor)
  WHERE $kind = 'actors' AND n.version = live
  RETURN n.id AS id, n.name AS name, n.kind AS detail
  UNION ALL
  MATCH (n:Policy)
  WHERE $kind = 'policies' AND n.version = live
  RETURN n.id AS id, n.name AS name, coalesce(n.kind, '') AS detail
  UNION ALL
  MATCH (n:Alliance)
  WHERE $kind = 'alliances' AND n.version = live
  RETURN n.id AS id, n.name AS name, n.status AS detail
}
RETURN found, collect(id) AS ids, collect(name) AS names, collect(detail) AS details

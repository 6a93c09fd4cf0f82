// Purpose: which of these actor / policy / alliance ids a live record of ANOTHER dataset already has
//   (a load must not take records over from another dataset: ConflictError). Only the other
//   datasets' live versions are searched: when there are none (a first load, or a re-import into a
//   store holding only this dataset) the ids are not even looked up, which at 1M actors saves a
//   million index seeks.
// Parameters: $dataset (string: the dataset being loaded), $actors, $policies, $alliances (lists of ids)
// Result: kind ("actor", "policy" or "alliance"), id, dataset (the owner's id)
CALL () { MATCH (d:Dataset) WHERE d.id <> $dataset RETURN collect(d.live) AS live }
WITH live
WHERE size(live) > 0
CALL (live) {
  UNWIND $actors AS id
  MATCH (n:Actor {id: id})
  USING INDEX SEEK n:Actor(id)
  WHERE n.version IN live
  RETURN 'actor' AS kind, id, n.dataset AS dataset
  UNION ALL
  UNWIND $policies AS id
  MATCH (n:Policy {id: id})
  USING INDEX SEEK n:Policy(id)
  WHERE n.version IN live
  RETURN 'policy' AS kind, id, n.dataset AS dataset
  UNION ALL
  UNWIND $alliances AS id
  MATCH (n:Alliance {id: id})
  USING INDEX SEEK n:Alliance(id)
  WHERE n.version IN live
  RETURN 'alliance' AS kind, id, n.dataset AS dataset
}
WITH kind, id, dataset
WHERE dataset <> $dataset
RETURN kind, id, dataset

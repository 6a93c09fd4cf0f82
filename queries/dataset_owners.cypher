// Purpose: which of these actor / policy / alliance ids already belong to another dataset (a load
//   must not take records over from another dataset: ConflictError).
// Parameters: $dataset (string: the dataset being loaded), $actors, $policies, $alliances (lists of ids)
// Result: kind ("actor", "policy" or "alliance"), id, dataset (the owner's id)
CALL () {
  UNWIND $actors AS id
  MATCH (n:Actor {id: id})
  RETURN 'actor' AS kind, id, n.dataset AS dataset
  UNION ALL
  UNWIND $policies AS id
  MATCH (n:Policy {id: id})
  RETURN 'policy' AS kind, id, n.dataset AS dataset
  UNION ALL
  UNWIND $alliances AS id
  MATCH (n:Alliance {id: id})
  RETURN 'alliance' AS kind, id, n.dataset AS dataset
}
WITH kind, id, dataset
WHERE dataset <> $dataset
RETURN kind, id, dataset

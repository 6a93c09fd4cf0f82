// Purpose: the dataset each of these live actors, policies or alliances belongs to: an edit in the app
//   (ecosystem/editing/) checks that the records it changes or refers to are its dataset's, without
//   reading the dataset.
// Parameters: $actors, $policies, $alliances (lists of ids)
// Result: kind ("actors", "policies" or "alliances"), id, dataset
CALL () { MATCH (d:Dataset) RETURN collect(d.live) AS live }
CALL (live) {
  UNWIND $actors AS id
  MATCH (n:Actor {id: id})
  USING INDEX SEEK n:Actor(id)
  WHERE n.version IN live
  RETURN 'actors' AS kind, id, n.dataset AS dataset
  UNION ALL
  UNWIND $policies AS id
  MATCH (n:Policy {id: id})
  USING INDEX SEEK n:Policy(id)
  WHERE n.version IN live
  RETURN 'policies' AS kind, id, n.dataset AS dataset
  UNION ALL
  UNWIND $alliances AS id
  MATCH (n:Alliance {id: id})
  USING INDEX SEEK n:Alliance(id)
  WHERE n.version IN live
  RETURN 'alliances' AS kind, id, n.dataset AS dataset
}
RETURN kind, id, dataset

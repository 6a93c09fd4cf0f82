// Purpose: a re-import applied as a difference: delete the records of the live version that the new
//   version no longer has, with all their relationships.
// Parameters: $version (string: the live version token), $actors, $policies, $alliances (lists of ids)
// Result: nothing (nodes deleted = records removed)
CALL () {
  UNWIND $actors AS id
  MATCH (n:Actor {id: id})
  USING INDEX SEEK n:Actor(id)
  WHERE n.version = $version
  RETURN n
  UNION ALL
  UNWIND $policies AS id
  MATCH (n:Policy {id: id})
  USING INDEX SEEK n:Policy(id)
  WHERE n.version = $version
  RETURN n
  UNION ALL
  UNWIND $alliances AS id
  MATCH (n:Alliance {id: id})
  USING INDEX SEEK n:Alliance(id)
  WHERE n.version = $version
  RETURN n
}
DETACH DELETE n

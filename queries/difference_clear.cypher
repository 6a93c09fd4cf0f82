// Purpose: a re-import applied as a difference: delete the relationships each changed record owns
//   (those its own fields say: an actor's ACTS_IN, CONTRIBUTES_TO, OFFERS, NEEDS; a policy's COVERS,
//   ADDRESSES and the CARRIES of its carriers; an alliance's ANCHORED_IN, TARGETS, ALIGNS_WITH), to
//   be written again from the new record. The node stays, and so do the relationships other records
//   own towards it (a membership, an alliance aligned with a changed policy, the ASSESSED history).
// Parameters: $version (string: the live version token), $actors, $policies, $alliances (lists of
//   ids of changed records)
// Result: nothing
CALL () {
  UNWIND $actors AS id
  MATCH (n:Actor {id: id})
  USING INDEX SEEK n:Actor(id)
  WHERE n.version = $version
  MATCH (n)-[r:ACTS_IN|CONTRIBUTES_TO|OFFERS|NEEDS]->()
  RETURN r
  UNION ALL
  UNWIND $policies AS id
  MATCH (n:Policy {id: id})
  USING INDEX SEEK n:Policy(id)
  WHERE n.version = $version
  MATCH (n)-[r:COVERS|ADDRESSES]->()
  RETURN r
  UNION ALL
  UNWIND $policies AS id
  MATCH (n:Policy {id: id})
  USING INDEX SEEK n:Policy(id)
  WHERE n.version = $version
  MATCH (n)<-[r:CARRIES]-()
  RETURN r
  UNION ALL
  UNWIND $alliances AS id
  MATCH (n:Alliance {id: id})
  USING INDEX SEEK n:Alliance(id)
  WHERE n.version = $version
  MATCH (n)-[r:ANCHORED_IN|TARGETS|ALIGNS_WITH]->()
  RETURN r
}
DELETE r

// Purpose: the catalogue's counts for Stats, in one round trip.
// Parameters: none
// Result: kinds (list of [kind, count]), levels (list of [level, count]), territories_used, sdgs,
//   levers, policies, alliances, memberships, assessments (integers)
CALL () {
  MATCH (a:Actor)
  WITH a.kind AS kind, count(*) AS n
  RETURN collect([kind, n]) AS kinds
}
CALL () {
  MATCH (t:Territory)
  WITH t.level AS level, count(*) AS n
  RETURN collect([level, n]) AS levels
}
CALL () {
  MATCH (t:Territory)
  WHERE EXISTS { (t)<-[:ACTS_IN|ANCHORED_IN|COVERS]-() }
  RETURN count(t) AS territories_used
}
RETURN kinds, levels, territories_used,
       COUNT { MATCH (:SDG) } AS sdgs,
       COUNT { MATCH (:Lever) } AS levers,
       COUNT { MATCH (:Policy) } AS policies,
       COUNT { MATCH (:Alliance) } AS alliances,
       COUNT { MATCH (:Actor)-[:MEMBER_OF]->(:Alliance) } AS memberships,
       COUNT { MATCH (:Alliance)-[:ASSESSED]->(:Lever) } AS assessments

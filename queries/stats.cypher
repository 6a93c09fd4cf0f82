// Purpose: the catalogue's counts for Stats, in one round trip, over the live datasets.
// Parameters: none
// Result: kinds (list of [kind, count]), levels (list of [level, count]), territories_used, sdgs,
//   levers, policies, alliances, memberships, assessments (integers)
CALL () { MATCH (d:Dataset) RETURN collect(d.live) AS live }
CALL (live) {
  MATCH (a:Actor)
  WHERE a.version IN live
  WITH a.kind AS kind, count(*) AS n
  RETURN collect([kind, n]) AS kinds
}
CALL () {
  MATCH (t:Territory)
  WITH t.level AS level, count(*) AS n
  RETURN collect([level, n]) AS levels
}
CALL (live) {
  MATCH (t:Territory)
  WHERE EXISTS { MATCH (t)<-[:ACTS_IN|ANCHORED_IN|COVERS]-(n) WHERE n.version IN live }
  RETURN count(t) AS territories_used
}
RETURN kinds, levels, territories_used,
       COUNT { MATCH (:SDG) } AS sdgs,
       COUNT { MATCH (:Lever) } AS levers,
       COUNT { MATCH (p:Policy) WHERE p.version IN live } AS policies,
       COUNT { MATCH (al:Alliance) WHERE al.version IN live } AS alliances,
       COUNT { MATCH (:Actor)-[:MEMBER_OF]->(al:Alliance) WHERE al.version IN live } AS memberships,
       COUNT { MATCH (al:Alliance)-[:ASSESSED]->(:Lever) WHERE al.version IN live } AS assessments

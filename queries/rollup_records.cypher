// Purpose: what the coverage roll-up counts of some records of a live version, read before a
//   re-import as a difference rewrites or removes them (ecosystem/store/neo4j/difference.py), so
//   that their counts can be taken out (rollup.adjust).
// Parameters: $version (string: the live version token), $actors, $policies, $alliances (lists of ids)
// Result: kind ("actors", "alliances" or "policies"), territories (list of ids), sdgs (list of SDG
//   numbers: an actor's declared and inferred ones), active (boolean: only active actors count)
CALL () {
  UNWIND $actors AS id
  MATCH (a:Actor {id: id})
  USING INDEX SEEK a:Actor(id)
  WHERE a.version = $version
  RETURN 'actors' AS kind, coalesce(a.territories, []) AS territories, coalesce(a.all_sdgs, []) AS sdgs,
         a.active AS active
  UNION ALL
  UNWIND $alliances AS id
  MATCH (al:Alliance {id: id})
  USING INDEX SEEK al:Alliance(id)
  WHERE al.version = $version
  RETURN 'alliances' AS kind, coalesce(al.territories, []) AS territories, coalesce(al.sdgs, []) AS sdgs,
         true AS active
  UNION ALL
  UNWIND $policies AS id
  MATCH (p:Policy {id: id})
  USING INDEX SEEK p:Policy(id)
  WHERE p.version = $version
  RETURN 'policies' AS kind, coalesce(p.territories, []) AS territories, coalesce(p.sdgs, []) AS sdgs,
         true AS active
}
RETURN kind, territories, sdgs, active

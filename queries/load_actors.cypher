// Purpose: stage one batch of actors of version $version with ACTS_IN, CONTRIBUTES_TO, OFFERS, NEEDS,
//   and CARRIES / MEMBER_OF to the policies and alliances of the same version (staged before, so
//   no actor is ever looked up). See load_policies. Each reference node is sought once per batch,
//   not once per relationship (ecosystem/store/neo4j/staging.py): the rows name their targets by
//   position in the list $sdgs + $levers + $territories, and an actor's reference relationships are
//   created in one subquery with a dynamic type. collect() of one-element lists keeps a slot for a
//   target the database lacks (null), so positions never shift; its relationships are not created
//   and the loader's relationship count fails the load.
//   The previous text (one index seek per relationship) is kept in benchmarks/baseline_queries/.
// Parameters: $version (string: the version token), $sdgs (SDG numbers), $levers (lever ids),
//   $territories (territory ids of the batch), $rows (list of maps: props = the node's properties,
//   links = list of [relationship type (ACTS_IN, CONTRIBUTES_TO, OFFERS or NEEDS), position in
//   the targets], carries = policy ids, memberships = list of {alliance, role}).
//   Relationships carry no properties but MEMBER_OF.role: where an SDG comes from is on the actor.
// Result: usable (boolean, see load_policies; the caller also checks the nodes and relationships created)
CALL () {
  UNWIND range(0, size($sdgs) - 1) AS i
  OPTIONAL MATCH (s:SDG {number: $sdgs[i]})
  RETURN i AS k, s AS target
  UNION ALL
  UNWIND range(0, size($levers) - 1) AS i
  OPTIONAL MATCH (l:Lever {id: $levers[i]})
  RETURN size($sdgs) + i AS k, l AS target
  UNION ALL
  UNWIND range(0, size($territories) - 1) AS i
  OPTIONAL MATCH (t:Territory {id: $territories[i]})
  RETURN size($sdgs) + size($levers) + i AS k, t AS target
}
WITH k, target
ORDER BY k
WITH collect([target]) AS targets
UNWIND $rows AS row
CREATE (a:Actor)
SET a = row.props, a.version = $version
WITH a, row, targets
CALL (a, row, targets) {
  UNWIND row.links AS link
  WITH a, link[0] AS type, targets[link[1]][0] AS target
  WHERE target IS NOT NULL
  CREATE (a)-[:$(type)]->(target)
}
CALL (a, row) {
  UNWIND row.carries AS pid
  MATCH (p:Policy {id: pid})
  USING INDEX SEEK p:Policy(id)
  WHERE p.version = $version
  CREATE (a)-[:CARRIES]->(p)
}
CALL (a, row) {
  UNWIND row.memberships AS m
  MATCH (al:Alliance {id: m.alliance})
  USING INDEX SEEK al:Alliance(id)
  WHERE al.version = $version
  CREATE (a)-[:MEMBER_OF {role: m.role}]->(al)
}
WITH count(*) AS staged
MATCH (v:Version {token: $version})
SET v.touched = datetime()
RETURN v.doomed IS NULL AS usable

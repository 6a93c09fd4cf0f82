// Purpose: active actors present at level L in at least one territory of P_L($territories), with how
//   many of them they share (same walk as overlap_counts, without SDGs). Live records only.
// Parameters: $territories (list of territory ids), $level (string: a Level value),
//   $exclude (list of actor ids), $fetch (integer: how many of the first rows to return)
// Result: actor, shared (integer), ordered by shared descending then actor id (the contract's order,
//   so that LIMIT keeps exactly the rows the embedded store keeps)
CALL () { MATCH (d:Dataset) RETURN collect(d.live) AS live }
MATCH (s:Territory)-[:WITHIN*0..1]-(x:Territory)
WHERE s.id IN $territories AND x.level = $level
WITH DISTINCT live, x
MATCH (x)-[:WITHIN*0..1]-(t:Territory)
WITH live, t, count(x) AS covered
MATCH (t)<-[:ACTS_IN]-(b:Actor)
WHERE b.version IN live AND b.active AND NOT b.id IN $exclude
WITH b, sum(covered) AS covered, count(t) AS near
RETURN b.id AS actor,
       CASE near
         WHEN 1 THEN covered
         ELSE COUNT {
           MATCH (b)-[:ACTS_IN]->(:Territory)-[:WITHIN*0..1]-(x:Territory)
           WHERE x.level = $level
             AND EXISTS { MATCH (x)-[:WITHIN*0..1]-(s:Territory) WHERE s.id IN $territories }
           RETURN DISTINCT x
         }
       END AS shared
ORDER BY shared DESC, actor
LIMIT $fetch

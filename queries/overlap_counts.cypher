// Purpose: active live actors whose footprint P_L x S meets the subject's P_L($territories) x $sdgs, with
//   the counts of the Jaccard formula, best first. Walks subject territory x -> its WITHIN
//   neighbours t (x itself included) -> actors acting in t; `covered` = how many subject territories
//   t shares a commune with. An actor near the subject through one territory shares exactly that
//   many; one near it through several is recounted by walking its own territories (rare), so no
//   list of territories is ever held per actor (a national subject has 35,000 of them).
// Parameters: $territories (list of territory ids), $sdgs (list of distinct SDG numbers), $level
//   (string: a Level value), $size (string: the actor property holding |P_L|, e.g. "n_commune"),
//   $exclude (list of actor ids), $floor (float or null: only rows with jaccard >= $floor),
//   $fetch (integer: how many of the best rows to return)
// Result: actor, shared_territories, shared_sdgs, territories (|P_L(b)|), sdgs (|S(b)|), jaccard;
//   ordered by jaccard, best first (ties in no particular order)
CALL () { MATCH (d:Dataset) RETURN collect(d.live) AS live }
MATCH (s:Territory)-[:WITHIN*0..1]-(x:Territory)
WHERE s.id IN $territories AND x.level = $level
WITH DISTINCT live, x
WITH live, collect(x) AS subject
UNWIND subject AS x
MATCH (x)-[:WITHIN*0..1]-(t:Territory)
WITH live, size(subject) AS subject_size, t, count(x) AS covered
MATCH (t)<-[:ACTS_IN]-(b:Actor)
WHERE b.version IN live AND b.active AND NOT b.id IN $exclude AND any(n IN b.all_sdgs WHERE n IN $sdgs)
WITH subject_size, b, sum(covered) AS covered, count(t) AS near
WITH subject_size, b,
     CASE near
       WHEN 1 THEN covered
       ELSE COUNT {
         MATCH (b)-[:ACTS_IN]->(:Territory)-[:WITHIN*0..1]-(x:Territory)
         WHERE x.level = $level
           AND EXISTS { MATCH (x)-[:WITHIN*0..1]-(s:Territory) WHERE s.id IN $territories }
         RETURN DISTINCT x
       }
     END AS shared_territories
WITH b.id AS actor, shared_territories, size([n IN b.all_sdgs WHERE n IN $sdgs]) AS shared_sdgs,
     b[$size] AS territories, size(b.all_sdgs) AS sdgs, subject_size
WITH actor, shared_territories, shared_sdgs, territories, sdgs,
     toFloat(shared_territories * shared_sdgs)
       / (subject_size * size($sdgs) + territories * sdgs - shared_territories * shared_sdgs) AS jaccard
WHERE $floor IS NULL OR jaccard >= $floor
RETURN actor, shared_territories, shared_sdgs, territories, sdgs, jaccard
ORDER BY jaccard DESC
LIMIT $fetch

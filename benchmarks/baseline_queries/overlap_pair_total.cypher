// Purpose: how many pairs overlap_pairs.cypher gives without a limit, counted on the server from its
//   profile pairs (the same body, kept identical to it) without making any pair of actors: a listing
//   cut at its limit then says how many more there are, in memory that stays flat.
// Parameters: $territory (territory id), $level (string: a Level value), $size (string: the actor
//   property holding |P_L|, e.g. "n_commune"), $min_jaccard (float), $same_kind (boolean)
// Result: total (integer: number of actor pairs)
CALL () { MATCH (d:Dataset) RETURN collect(d.live) AS live }
CALL (live) {
  MATCH (s:Territory {id: $territory})-[:WITHIN*0..1]-(:Territory)<-[:ACTS_IN]-(a:Actor)
  USING INDEX s:Territory(id)
  WHERE a.version IN live AND a.active
  WITH DISTINCT live, a
  WITH live, a.territories AS territories, min(a.id) AS rep_id
  MATCH (rep:Actor {id: rep_id})
  USING INDEX rep:Actor(id)
  WHERE rep.version IN live
  RETURN rep AS rep1, rep AS rep2, rep[$size] AS shared
  UNION ALL
  MATCH (s:Territory {id: $territory})-[:WITHIN*0..1]-(:Territory)<-[:ACTS_IN]-(a:Actor)
  USING INDEX s:Territory(id)
  WHERE a.version IN live AND a.active
  WITH DISTINCT live, a
  WITH live, a.territories AS territories, min(a.id) AS rep_id
  MATCH (rep:Actor {id: rep_id})
  USING INDEX rep:Actor(id)
  WHERE rep.version IN live
  WITH collect(rep) AS reps
  UNWIND reps AS rep
  WITH rep, reps
  WHERE $min_jaccard <= 0.0
     OR any(r IN reps WHERE r <> rep
            AND (CASE WHEN r[$size] <= rep[$size] THEN toFloat(r[$size]) / rep[$size]
                      ELSE toFloat(rep[$size]) / r[$size] END) >= $min_jaccard)
  CALL (rep) {
    MATCH (rep)-[:ACTS_IN]->(:Territory)-[:WITHIN*0..1]-(x:Territory)
    WHERE x.level = $level
    RETURN DISTINCT x
  }
  WITH x, collect(rep) AS present
  WHERE size(present) > 1
  UNWIND present AS rep1
  UNWIND present AS rep2
  WITH rep1, rep2
  WHERE rep1.id < rep2.id
  WITH rep1, rep2, count(*) AS shared
  WHERE $min_jaccard <= 0.0
     OR (CASE WHEN rep1[$size] <= rep2[$size] THEN toFloat(rep1[$size]) / rep2[$size]
              ELSE toFloat(rep2[$size]) / rep1[$size] END) >= $min_jaccard
  RETURN rep1, rep2, shared
}
CALL (live, rep1, rep2, shared) {
  WITH live, rep1, rep2, shared, rep1 = rep2 AS one_place,
       COLLECT {
         MATCH (a:Actor)-[:ACTS_IN]->(home:Territory {id: rep1.territories[0]})
         USING INDEX home:Territory(id)
         WHERE a.version IN live AND a.active AND a.territories = rep1.territories AND a.all_sdgs IS NOT NULL
         WITH a.all_sdgs AS sdgs, CASE WHEN $same_kind THEN a.kind END AS kind, collect(a.id) AS members
         RETURN {sdgs: sdgs, kind: kind, members: members}
       } AS profiles1
  CALL (live, rep2, one_place, profiles1) {
    WITH rep2, one_place, profiles1
    WHERE one_place
    UNWIND range(0, size(profiles1) - 1) AS i
    UNWIND range(i, size(profiles1) - 1) AS j
    RETURN profiles1[i] AS p1, profiles1[j] AS p2, i = j AS same
    UNION ALL
    WITH live, rep2, one_place, profiles1
    WHERE NOT one_place
    MATCH (b:Actor)-[:ACTS_IN]->(home:Territory {id: rep2.territories[0]})
    USING INDEX home:Territory(id)
    WHERE b.version IN live AND b.active AND b.territories = rep2.territories AND b.all_sdgs IS NOT NULL
    WITH profiles1, b.all_sdgs AS sdgs, CASE WHEN $same_kind THEN b.kind END AS kind,
         collect(b.id) AS members
    UNWIND profiles1 AS p1
    RETURN p1, {sdgs: sdgs, kind: kind, members: members} AS p2, false AS same
  }
  WITH rep1, rep2, shared, p1, p2, same, size([n IN p1.sdgs WHERE n IN p2.sdgs]) AS shared_sdgs
  WHERE shared_sdgs > 0 AND (NOT $same_kind OR p1.kind = p2.kind) AND (NOT same OR size(p1.members) > 1)
  WITH p1.members AS members_a, p2.members AS members_b, same, shared, shared_sdgs,
       rep1[$size] AS ta, size(p1.sdgs) AS sa, rep2[$size] AS tb, size(p2.sdgs) AS sb
  WITH members_a, members_b, same, shared_sdgs, ta, sa, tb, sb,
       toFloat(shared * shared_sdgs) / (ta * sa + tb * sb - shared * shared_sdgs) AS jaccard
  WHERE jaccard >= $min_jaccard
  RETURN members_a, members_b, same, shared_sdgs, ta, sa, tb, sb, jaccard
}
// each profile pair stands for n(n-1)/2 actor pairs inside one profile, |a| x |b| between two
RETURN coalesce(sum(CASE WHEN same THEN size(members_a) * (size(members_a) - 1) / 2
                         ELSE size(members_a) * size(members_b) END), 0) AS total

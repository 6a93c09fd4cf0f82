// Purpose: live actors, alliances and policies whose id is $text or whose normalised name contains $q,
//   ranked: exact id (0), name starting with $q (1), other names (2), then normalised name and type
//   (normalised names are ASCII, so Neo4j orders them as Python does; ids are ordered by the caller).
// Parameters: $text (string, as typed), $q (string, normalised), $floor (null, or a map {rank, norm,
//   type}: only rows ranked at or before it), $fetch (integer: how many of the first rows to return)
// Result: type, id, name, detail (actor kind, alliance status, policy kind), norm, rank; ordered by
//   (rank, norm, type)
CALL () { MATCH (d:Dataset) RETURN collect(d.live) AS live }
CALL (live) {
  MATCH (n:Actor)
  WHERE n.version IN live AND (n.id = $text OR n.name_norm CONTAINS $q)
  RETURN 'actor' AS type, n.id AS id, n.name AS name, n.kind AS detail, n.name_norm AS norm
  UNION ALL
  MATCH (n:Alliance)
  WHERE n.version IN live AND (n.id = $text OR n.name_norm CONTAINS $q)
  RETURN 'alliance' AS type, n.id AS id, n.name AS name, n.status AS detail, n.name_norm AS norm
  UNION ALL
  MATCH (n:Policy)
  WHERE n.version IN live AND (n.id = $text OR n.name_norm CONTAINS $q)
  RETURN 'policy' AS type, n.id AS id, n.name AS name, coalesce(n.kind, '') AS detail, n.name_norm AS norm
}
WITH type, id, name, detail, norm,
     CASE WHEN id = $text THEN 0 WHEN norm STARTS WITH $q THEN 1 ELSE 2 END AS rank
WHERE $floor IS NULL
   OR rank < $floor.rank
   OR (rank = $floor.rank AND (norm < $floor.norm OR (norm = $floor.norm AND type <= $floor.type)))
RETURN type, id, name, detail, norm, rank
ORDER BY rank, norm, type
LIMIT $fetch

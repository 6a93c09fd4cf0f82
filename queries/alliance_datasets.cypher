// Purpose: the dataset each of these live alliances belongs to (a contributor's grant may name the
//   dataset rather than the alliance: the access check asks).
// Parameters: $ids (list of alliance ids)
// Result: id, dataset
CALL () { MATCH (d:Dataset) RETURN collect(d.live) AS live }
UNWIND $ids AS id
MATCH (al:Alliance {id: id})
USING INDEX SEEK al:Alliance(id)
WHERE al.version IN live
MATCH (d:Dataset {live: al.version})
RETURN al.id AS id, d.id AS dataset

// Purpose: which of these alliance ids are live (record_assessments refuses the others).
// Parameters: $ids (list of alliance ids)
// Result: id
CALL () { MATCH (d:Dataset) RETURN collect(d.live) AS live }
UNWIND $ids AS id
MATCH (al:Alliance {id: id})
USING INDEX SEEK al:Alliance(id)
WHERE al.version IN live
RETURN al.id AS id

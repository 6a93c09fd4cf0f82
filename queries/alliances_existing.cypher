// Purpose: which of these alliance ids exist (record_assessments refuses unknown ones).
// Parameters: $ids (list of alliance ids)
// Result: id
UNWIND $ids AS id
MATCH (al:Alliance {id: id})
RETURN al.id AS id

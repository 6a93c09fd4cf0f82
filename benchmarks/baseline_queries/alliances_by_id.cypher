// Purpose: live alliances by id, as node properties (unknown ids give no row).
// Parameters: $ids (list of alliance ids)
// Result: props (map of the node's properties)
CALL () { MATCH (d:Dataset) RETURN collect(d.live) AS live }
UNWIND $ids AS id
MATCH (al:Alliance {id: id})
USING INDEX al:Alliance(id)
WHERE al.version IN live
RETURN properties(al) AS props

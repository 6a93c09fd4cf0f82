// Purpose: live alliances by id, as node properties (unknown ids give no row).
//   One record holding lists: the driver decodes a record per message, about ten times slower than
//   the items of a list (a diagnosis reads thousands of actors).
// Parameters: $ids (list of alliance ids)
// Result: one record: props (list of maps of the nodes' properties)
CALL () { MATCH (d:Dataset) RETURN collect(d.live) AS live }
UNWIND $ids AS id
MATCH (al:Alliance {id: id})
USING INDEX SEEK al:Alliance(id)
WHERE al.version IN live
RETURN collect(properties(al)) AS props

// Purpose: the audit log, newest first.
// Parameters: $limit (integer: how many entries at most)
// Result: at, who, action, dataset, version, records, count_names, count_values
MATCH (e:AuditEntry)
RETURN e.at AS at, e.who AS who, e.action AS action, e.dataset AS dataset, e.version AS version,
       e.records AS records, e.count_names AS count_names, e.count_values AS count_values
ORDER BY e.at DESC
LIMIT $limit

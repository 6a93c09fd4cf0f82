// Purpose: append one entry to the audit log (who changed what, when); entries are never changed.
// Parameters: $at (string: ISO 8601 UTC), $who, $action, $dataset, $version (strings),
//   $records (list of ids), $count_names (list of strings), $count_values (list of integers)
// Result: nothing
CREATE (:AuditEntry {at: $at, who: $who, action: $action, dataset: $dataset, version: $version,
                     records: $records, count_names: $count_names, count_values: $count_values})

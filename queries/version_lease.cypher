// Purpose: the one statement of a version's lease: a transaction left open, tagged with the version
//   token in its metadata, while the version is staged. SHOW TRANSACTIONS lists it for as long as
//   the loader lives (see leases); a crash of the loader or of the server ends it.
// Parameters: $version (string: the version token)
// Result: version
RETURN $version AS version

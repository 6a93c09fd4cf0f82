// Purpose: the versions being staged right now: the tokens in the metadata of the open lease
//   transactions (version_lease). A version not live and without a lease is garbage.
// Parameters: none
// Result: version (string)
SHOW TRANSACTIONS YIELD metaData
WHERE metaData.ecosystem_version IS NOT NULL
RETURN metaData.ecosystem_version AS version

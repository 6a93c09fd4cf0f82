// Purpose: the server's product version, for StoreInfo ("Neo4j 5.26.30").
// Parameters: none
// Result: name (e.g. "Neo4j Kernel"), versions (list of strings), edition
CALL dbms.components() YIELD name, versions, edition
RETURN name, versions, edition

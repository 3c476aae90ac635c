// kg schema for openCypher servers without Neo4j 5 DDL (FalkorDB): plain indexes, no names, no constraints.
// What: an index on `key` for every node label (so the loader's MERGE/MATCH on key is a seek, not a scan)
//       and on entity names and paper dates. Uniqueness is then guaranteed by the loader's MERGE alone.
// Parameters: none.
// kg load runs this only when schema.cypher is refused; "already indexed" errors are ignored.
CREATE INDEX FOR (n:Paper) ON (n.key);
CREATE INDEX FOR (n:Method) ON (n.key);
CREATE INDEX FOR (n:Dataset) ON (n.key);
CREATE INDEX FOR (n:Metric) ON (n.key);
CREATE INDEX FOR (n:Task) ON (n.key);
CREATE INDEX FOR (n:Repository) ON (n.key);
CREATE INDEX FOR (n:Result) ON (n.key);
CREATE INDEX FOR (n:Paper) ON (n.date);
CREATE INDEX FOR (n:Method) ON (n.name);
CREATE INDEX FOR (n:Dataset) ON (n.name);
CREATE INDEX FOR (n:Metric) ON (n.name);
CREATE INDEX FOR (n:Task) ON (n.name);

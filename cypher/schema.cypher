// kg schema for Neo4j 5: run once before (or after) loading; every statement is idempotent.
// What: a uniqueness constraint on `key` for every node label (which also indexes it),
//       range indexes on names and paper dates, and one full-text index (`kg_text`)
//       over paper titles/abstracts and entity names/aliases (used by queries/fulltext_search.cypher).
// Parameters: none.
// Apply: cypher-shell -f cypher/schema.cypher   (kg load applies it itself, statement by statement)
// Neo4j only: FalkorDB does not accept CREATE CONSTRAINT or named indexes; `kg load` then falls back
// to `CREATE INDEX FOR (n:Label) ON (n.key)` (see kg/neo4j.py).

CREATE CONSTRAINT paper_key IF NOT EXISTS FOR (n:Paper) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT method_key IF NOT EXISTS FOR (n:Method) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT dataset_key IF NOT EXISTS FOR (n:Dataset) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT metric_key IF NOT EXISTS FOR (n:Metric) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT task_key IF NOT EXISTS FOR (n:Task) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT repository_key IF NOT EXISTS FOR (n:Repository) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT result_key IF NOT EXISTS FOR (n:Result) REQUIRE n.key IS UNIQUE;

CREATE INDEX paper_date IF NOT EXISTS FOR (n:Paper) ON (n.date);
CREATE INDEX paper_arxiv_id IF NOT EXISTS FOR (n:Paper) ON (n.arxiv_id);
CREATE INDEX method_name IF NOT EXISTS FOR (n:Method) ON (n.name);
CREATE INDEX dataset_name IF NOT EXISTS FOR (n:Dataset) ON (n.name);
CREATE INDEX metric_name IF NOT EXISTS FOR (n:Metric) ON (n.name);
CREATE INDEX task_name IF NOT EXISTS FOR (n:Task) ON (n.name);
CREATE INDEX repository_url IF NOT EXISTS FOR (n:Repository) ON (n.url);
CREATE INDEX result_metric IF NOT EXISTS FOR (n:Result) ON (n.metric, n.dataset);

CREATE FULLTEXT INDEX kg_text IF NOT EXISTS
FOR (n:Paper|Method|Dataset|Metric|Task)
ON EACH [n.title, n.abstract, n.name, n.aliases];

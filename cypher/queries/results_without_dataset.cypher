// Results without a dataset: reported numbers not tied to any dataset (extraction gaps to review).
// Answers: "Which stated numbers lack a benchmark?"
// Parameters: $limit (rows).
// :param limit => 100
MATCH (p:Paper)-[:REPORTS]->(r:Result)
OPTIONAL MATCH (r)-[:ON_DATASET]->(d:Dataset)
WITH p, r, count(d) AS datasets
WHERE datasets = 0
RETURN p.id AS paper, r.metric AS metric, r.value AS value, r.method AS method, r.key AS key
ORDER BY paper, key
LIMIT $limit

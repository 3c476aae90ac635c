// Co-evaluation: pairs of methods evaluated on the same datasets (candidates for a fair comparison).
// Answers: "Which methods share benchmarks, and which ones?"
// Parameters: $min_shared (minimum number of shared datasets).
// :param min_shared => 1
MATCH (a:Method)-[:EVALUATED_ON]->(d:Dataset)<-[:EVALUATED_ON]-(b:Method)
WHERE a.key < b.key
WITH a, b, collect(DISTINCT d.name) AS datasets
WHERE size(datasets) >= $min_shared
RETURN a.name AS method_a, b.name AS method_b, size(datasets) AS shared, datasets
ORDER BY shared DESC, method_a, method_b
LIMIT 50

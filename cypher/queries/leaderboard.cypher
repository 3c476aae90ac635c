// Leaderboard: every result reported on a dataset (optionally for one metric), best value first.
// Answers: "Who holds the top numbers on ImageNet top-1?" Names match case-insensitively,
//   aliases included. Higher is better in this ordering; read lower-is-better metrics (error,
//   perplexity, FID) from the bottom.
// Parameters: $dataset (name or alias), $metric (name, or null for every metric).
// :param dataset => "ImageNet"
// :param metric => null
MATCH (p:Paper)-[:REPORTS]->(r:Result)-[:ON_DATASET]->(d:Dataset)
WHERE toLower(d.name) = toLower($dataset)
   OR any(a IN coalesce(d.aliases, []) WHERE toLower(a) = toLower($dataset))
OPTIONAL MATCH (r)-[:ACHIEVED_BY]->(m:Method)
OPTIONAL MATCH (r)-[:MEASURED_BY]->(k:Metric)
WITH p, r, d, m, k
WHERE $metric IS NULL OR toLower(coalesce(k.name, r.metric, '')) = toLower($metric)
RETURN d.name AS dataset, coalesce(k.name, r.metric) AS metric, coalesce(m.name, r.method) AS method,
       r.value AS value, r.numeric AS score, p.id AS paper
ORDER BY metric, score DESC, method, paper

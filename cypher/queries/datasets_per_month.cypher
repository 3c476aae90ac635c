// Most used datasets per month: papers evaluating on each dataset, by month of the paper's date.
// Answers: "Which benchmarks were hot in March 2024?" Papers without a date are left out.
// Parameters: $top (datasets kept per month).
// :param top => 3
MATCH (p:Paper)-[:EVALUATES_ON]->(d:Dataset)
WHERE p.date IS NOT NULL AND size(p.date) >= 7
WITH substring(p.date, 0, 7) AS month, d.name AS dataset, count(DISTINCT p) AS papers
ORDER BY month, papers DESC, dataset
WITH month, collect(dataset) AS datasets, collect(papers) AS counts
RETURN month, datasets[0..$top] AS top_datasets, counts[0..$top] AS papers
ORDER BY month

// Graph summary: node count per label (check a load against `kg stats`).
// Answers: "What did the load put in the database?"
// Parameters: none.
MATCH (n)
RETURN labels(n)[0] AS label, count(n) AS nodes
ORDER BY label

// Trend: methods gaining attention, papers using or proposing them since a date versus before.
// Answers: "Which methods rose after January 2025?"
// Parameters: $since (ISO date or prefix, e.g. "2025-01"), $limit (rows).
// :param since => "2024-03"
// :param limit => 20
MATCH (p:Paper)-[:PROPOSES|USES]->(m:Method)
WHERE p.date IS NOT NULL
WITH m, count(DISTINCT CASE WHEN p.date >= $since THEN p.id END) AS recent,
        count(DISTINCT CASE WHEN p.date < $since THEN p.id END) AS before
WHERE recent > 0
RETURN m.name AS method, recent, before, recent - before AS growth
ORDER BY growth DESC, recent DESC, method
LIMIT $limit

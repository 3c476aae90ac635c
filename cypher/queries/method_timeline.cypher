// A method's timeline: papers per month that propose or use it.
// Answers: "How has interest in LoRA evolved month by month?"
// Parameters: $method (name or alias, case-insensitive).
// :param method => "LoRA"
MATCH (p:Paper)-[:PROPOSES|USES]->(m:Method)
WHERE (toLower(m.name) = toLower($method)
       OR any(a IN coalesce(m.aliases, []) WHERE toLower(a) = toLower($method)))
  AND p.date IS NOT NULL
RETURN substring(p.date, 0, 7) AS month, count(DISTINCT p) AS papers
ORDER BY month

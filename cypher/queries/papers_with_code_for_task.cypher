// Papers with code for a task: papers addressing the task that link a repository.
// Answers: "Where is runnable code for question answering?"
// Parameters: $task (name or alias, case-insensitive).
// :param task => "question answering"
MATCH (p:Paper)-[:ADDRESSES]->(t:Task)
WHERE toLower(t.name) = toLower($task)
   OR any(a IN coalesce(t.aliases, []) WHERE toLower(a) = toLower($task))
MATCH (p)-[:HAS_CODE]->(c:Repository)
RETURN p.id AS paper, p.title AS title, c.url AS code, p.date AS date
ORDER BY date DESC, paper, code

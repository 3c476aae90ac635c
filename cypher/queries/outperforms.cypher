// What a method outperforms (and what outperforms it), with the number of papers saying so.
// Answers: "Which baselines does LoRA beat, according to the abstracts?"
// Parameters: $method (name or alias, case-insensitive).
// :param method => "LoRA"
MATCH (a:Method)-[o:OUTPERFORMS]->(b:Method)
WHERE toLower(a.name) = toLower($method) OR toLower(b.name) = toLower($method)
   OR any(x IN coalesce(a.aliases, []) WHERE toLower(x) = toLower($method))
   OR any(x IN coalesce(b.aliases, []) WHERE toLower(x) = toLower($method))
RETURN a.name AS winner, b.name AS loser, o.support AS papers, o.confidence AS confidence
ORDER BY papers DESC, winner, loser

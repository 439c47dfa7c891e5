MATCH (a)<-[r]-(b:B) WHERE a.n < b.n OR b.n IS NULL RETURN a, a.id, count(b) AS c ORDER BY c DESC SKIP 0 LIMIT 2
